package io.github.zohokit.testkit;

import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoOAuth;
import java.util.List;

/** A {@link Zoho} connected to a fake as a new self client whose token has the given scopes. */
final class FakeConnections {
  private FakeConnections() {}

  static Zoho connect(FakeZoho fake, List<String> scopes) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, scopes));
    return Zoho.connect(oauth);
  }
}
