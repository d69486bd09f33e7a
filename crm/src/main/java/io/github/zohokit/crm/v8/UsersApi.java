package io.github.zohokit.crm.v8;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.RecordPage;
import java.util.Optional;

/** CRM users. */
@ZohoScope("ZohoCRM.users.READ")
public interface UsersApi {

  /** Users of a {@code type}: {@code AllUsers}, {@code ActiveUsers}, {@code AdminUsers}, {@code CurrentUser}, ... */
  @Get("/crm/v8/users")
  RecordPage<User> list(@Query("type") String type, @Query("page") Integer page, @Query("per_page") Integer perPage);

  /** The user the token belongs to. */
  @Get("/crm/v8/users?type=CurrentUser")
  User currentUser();

  /** One user; empty when unknown. */
  @Get("/crm/v8/users/{id}")
  Optional<User> get(@Path("id") String id);
}
