package io.github.zohokit.testkit;

import io.github.zohokit.token.DataCenter;

/**
 * A Zoho user of the fake: ZUID, email, name and the data centre the account lives in.
 *
 * @param zuid the user's Zoho user id, a numeric string; also their id in the CRM users API
 * @param email the sign-in address, unique in the fake without regard to case
 * @param fullName the full name, such as {@code Ann Lee}
 * @param homeDataCenter where the account lives: authorizations for the user complete at this data centre's
 *     accounts server only
 */
public record FakeUser(String zuid, String email, String fullName, DataCenter homeDataCenter) {}
