/**
 * A fake Zoho (Accounts and CRM v8) over real HTTP on loopback, for tests: {@link io.github.zohokit.testkit.FakeZoho}
 * (started in code), {@link io.github.zohokit.testkit.FakeZohoExtension} (JUnit 5) and
 * {@link io.github.zohokit.testkit.FakeZohoMain} (a standalone server with a JSON control API). Point zohokit at it
 * with {@link io.github.zohokit.testkit.FakeZoho#endpoints()}.
 */
package io.github.zohokit.testkit;
