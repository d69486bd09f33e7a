package io.github.zohokit.testkit;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.DataCenter;
import java.util.List;

/**
 * A client registered with the fake, as the API Console would: its generated id and secret (none for
 * client-based apps), redirect URIs, JavaScript domains (CORS origins) and home data centre.
 */
public record FakeClient(String clientId, String clientSecret, ClientType type, String name,
    List<String> redirectUris, List<String> javascriptDomains, DataCenter homeDataCenter) {

  /** Copies the lists, so the record is immutable. */
  public FakeClient {
    redirectUris = List.copyOf(redirectUris);
    javascriptDomains = List.copyOf(javascriptDomains);
  }

  @Override
  public String toString() {
    return "FakeClient{" + type.displayName() + " " + clientId + "}";
  }
}
