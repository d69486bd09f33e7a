package io.github.zohokit.testkit;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import java.util.List;

/**
 * A client registered with the fake, as the API Console would: its generated id and secret (none for
 * client-based apps), redirect URIs, JavaScript domains (CORS origins) and home data centre. {@link #toString()}
 * shows the type and id only, never the secret.
 *
 * @param clientId the client id, {@code 1000.} and 30 characters, as Zoho's look
 * @param clientSecret the client secret, or null for a client-based app
 * @param type the kind of client, which decides the flows the fake accepts from it
 * @param name the name the consent page shows
 * @param redirectUris where the authorization pages may redirect, compared exactly
 * @param javascriptDomains origins that get CORS answers from the API
 * @param homeDataCenter where the client was registered
 */
public record FakeClient(String clientId, String clientSecret, ClientType type, String name,
    List<String> redirectUris, List<String> javascriptDomains, DataCenter homeDataCenter) {

  /**
   * Copies the lists, so the record is immutable.
   *
   * @param clientId the client id
   * @param clientSecret the client secret, or null for a client-based app
   * @param type the kind of client
   * @param name the name the consent page shows
   * @param redirectUris the redirect URIs; not null, no null elements
   * @param javascriptDomains the CORS origins; not null, no null elements
   * @param homeDataCenter where the client was registered
   * @throws NullPointerException when a list or one of its elements is null
   */
  public FakeClient {
    redirectUris = List.copyOf(redirectUris);
    javascriptDomains = List.copyOf(javascriptDomains);
  }

  @Override
  public String toString() {
    return "FakeClient{" + type.displayName() + " " + clientId + "}";
  }
}
