package io.github.zohokit.auth;

import io.github.zohokit.store.TokenStores;
import java.nio.file.Path;

/** Run by {@link CrossProcessRefreshTest} in separate JVMs: asks for a token from a shared file store. */
public final class RefreshWorker {
  private RefreshWorker() {}

  public static void main(String[] args) {
    ZohoOAuth oauth = ZohoOAuth.selfClient(args[2], args[3])
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, args[1]))
        .tokenStore(TokenStores.file(Path.of(args[0])))
        .build();
    System.out.println("TOKEN " + oauth.accessToken("default").reveal());
  }
}
