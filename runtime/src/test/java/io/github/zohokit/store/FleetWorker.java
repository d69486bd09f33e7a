package io.github.zohokit.store;

import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.testing.LeaseWatchingStore;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/** Run by {@link JdbcFleetTest} in separate JVMs sharing one PostgreSQL token store. */
public final class FleetWorker {
  private FleetWorker() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(args[1]);
    JdbcTokenStore store = JdbcTokenStore.builder(postgres).table(args[2]).build();
    switch (args[0]) {
      case "token": {
        LeaseWatchingStore watched = new LeaseWatchingStore(store);
        ZohoOAuth oauth = ZohoOAuth.selfClient(args[4], args[5])
            .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, args[3]))
            .tokenStore(watched).accountsTimeout(Duration.ofSeconds(10)).leaseTimeout(Duration.ofSeconds(20)).build();
        LeaseWatchingStore.awaitGo();
        System.out.println("TOKEN " + oauth.accessToken("default").reveal());
        System.out.println("WAITED " + watched.waited());
        break;
      }
      case "take-lease-and-die":
        store.tryAcquireRefreshLease(new TokenKey(args[4], "default"), Duration.ofSeconds(3)).orElseThrow();
        System.out.println("LEASED");
        System.out.flush();
        Runtime.getRuntime().halt(9);
        break;
      default:
        throw new IllegalArgumentException(args[0]);
    }
  }
}
