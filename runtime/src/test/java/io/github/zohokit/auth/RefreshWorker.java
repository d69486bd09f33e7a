package io.github.zohokit.auth;

import io.github.zohokit.token.DataCenter;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.LeaseWatchingStore;
import java.nio.file.Path;

/** Run by {@link CrossProcessRefreshTest} in separate JVMs: asks for a token from a shared file store. */
public final class RefreshWorker {
  private RefreshWorker() {}

  public static void main(String[] args) throws Exception {
    LeaseWatchingStore store = new LeaseWatchingStore(TokenStores.file(Path.of(args[0])));
    ZohoOAuth oauth = ZohoOAuth.selfClient(args[2], args[3])
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, args[1]))
        .tokenStore(store)
        .build();
    LeaseWatchingStore.awaitGo();
    System.out.println("TOKEN " + oauth.accessToken("default").reveal());
    System.out.println("WAITED " + store.waited());
  }
}
