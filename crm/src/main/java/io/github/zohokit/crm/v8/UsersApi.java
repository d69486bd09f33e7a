package io.github.zohokit.crm.v8;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.RecordPage;
import java.util.Optional;

/** CRM users. An error answer from Zoho throws {@link io.github.zohokit.ZohoApiException}. */
@ZohoScope("ZohoCRM.users.READ")
public interface UsersApi {

  /**
   * Users of a {@code type}: {@code AllUsers}, {@code ActiveUsers}, {@code AdminUsers}, {@code CurrentUser}, ...
   *
   * @param type which users; null leaves the parameter out and Zoho's default applies
   * @param page the page number, from 1; null for the first page
   * @param perPage users per page (Zoho: at most 200, the default); null for Zoho's default
   * @return one page of users; an empty page (HTTP 204) when there are none
   */
  @Get("/crm/v8/users")
  RecordPage<User> list(@Query("type") String type, @Query("page") Integer page, @Query("per_page") Integer perPage);

  /**
   * The user the token belongs to.
   *
   * @return the user who granted the token; never null (an answer without one throws
   *     {@link io.github.zohokit.ZohoApiException})
   */
  @Get("/crm/v8/users?type=CurrentUser")
  User currentUser();

  /**
   * One user; empty when unknown.
   *
   * @param id the user's id (a numeric string); not null (an {@code IllegalArgumentException} before anything is
   *     sent)
   * @return the user, or empty when Zoho answers HTTP 204 or 404 without an error body
   */
  @Get("/crm/v8/users/{id}")
  Optional<User> get(@Path("id") String id);
}
