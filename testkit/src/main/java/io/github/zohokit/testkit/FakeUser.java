package io.github.zohokit.testkit;

import io.github.zohokit.auth.DataCenter;

/** A Zoho user of the fake: ZUID, email, name and the data centre the account lives in. */
public record FakeUser(String zuid, String email, String fullName, DataCenter homeDataCenter) {}
