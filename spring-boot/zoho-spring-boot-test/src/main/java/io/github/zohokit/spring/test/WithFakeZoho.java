package io.github.zohokit.spring.test;

import io.github.zohokit.auth.ClientType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test against zoho-testkit's fake Zoho instead of Zoho: before the application context starts, a
 * fake Zoho (one data centre, US) starts on loopback, a client of {@link #clientType()} is registered with it, and
 * the {@code zoho.*} properties point at it — client id and secret, redirect URI, accounts and API URLs, and
 * {@code zoho.token-store-kind=memory}. A self client also gets a token for the default user, exchanged from a grant
 * code for {@link #scopes()}, so generated-client beans work at once.
 *
 * <pre>{@code
 * @SpringBootTest
 * @WithFakeZoho
 * class LeadsPageTest {
 *   @Autowired RecordsApi records;    // a generated client, connected to the fake
 *   @Autowired FakeZoho fake;         // to seed records, expire tokens, inject faults, read counters
 *   @Autowired FakeClient client;     // the registered client
 * }
 * }</pre>
 *
 * The test's own properties ({@code @SpringBootTest(properties = ...)}, {@code @DynamicPropertySource}) win over
 * these, for example {@code zoho.token-store-kind=jdbc}. For browser clients the redirect URI is
 * {@code http://localhost:<port>}{@link #callbackPath()} on a free port that is also set as {@code server.port}; use
 * {@code webEnvironment = DEFINED_PORT} to serve on it. The fake stops with the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithFakeZoho {
  /**
   * The type of the client registered with the fake, and set as {@code zoho.client-type}.
   *
   * @return the client type; self client by default. Server-based, client-based and mobile clients also get a
   *     redirect URI and {@code server.port}
   */
  ClientType clientType() default ClientType.SELF_CLIENT;

  /**
   * Self clients: the scopes of the default user's token, exchanged from a grant code once the context's singletons
   * are created. Ignored for the other types, and when the test sets its own {@code zoho.client-id}.
   *
   * @return the scopes, such as {@code ZohoCRM.modules.ALL}; by default the CRM modules, settings, users and org,
   *     each {@code .ALL}. Empty: no token is stored, as before {@code mvn zoho:bootstrap-token}. A malformed scope
   *     fails the context's start
   */
  String[] scopes() default {"ZohoCRM.modules.ALL", "ZohoCRM.settings.ALL", "ZohoCRM.users.ALL", "ZohoCRM.org.ALL"};

  /**
   * Leads seeded in the fake's organisation.
   *
   * @return how many {@code Leads} records the organisation starts with; 25 by default, 0 (or less) for none
   */
  int seedLeads() default 25;

  /**
   * Server-based and client-based clients: the path of the redirect URI (the Login with Zoho callback). Mobile
   * clients get {@code com.example.test://callback} instead; self and non-browser clients have no redirect URI.
   *
   * @return the path, starting with {@code /}; {@code /zoho/callback} by default, which is also the default of
   *     {@code zoho.login.callback-path}. For a server-based client set another only together with that property
   *     (this annotation does not set it), or the login callback is not served at the redirect URI
   */
  String callbackPath() default "/zoho/callback";
}
