package io.github.zohokit.auth;

import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.store.TokenStores;
import org.junit.jupiter.api.Test;

class ClientConfigTest {

  @Test
  void serverBasedNeedsARedirectUri() {
    assertThatThrownBy(() -> ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("server-based client needs the redirect URI");
  }

  @Test
  void serverBasedRedirectUriMustBeWeb() {
    assertThatThrownBy(() -> ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, "myapp://cb").build())
        .hasMessageContaining("must start with http:// or https://");
  }

  @Test
  void mobileAcceptsALowerCaseCustomScheme() {
    ZohoOAuth oauth = ZohoOAuth.mobile(CLIENT_ID, CLIENT_SECRET, "com.example.app://callback")
        .tokenStore(TokenStores.inMemory()).build();
    assertThat(oauth.clientType()).isEqualTo(ClientType.MOBILE);
    assertThatThrownBy(() -> ZohoOAuth.mobile(CLIENT_ID, CLIENT_SECRET, "Com.Example://cb").build())
        .hasMessageContaining("must be lower case");
  }

  @Test
  void clientBasedHasNoSecret() {
    assertThatThrownBy(() -> ZohoOAuth.builder(ClientType.CLIENT_BASED).clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET).redirectUri("https://app.example.com/cb").build())
        .hasMessageContaining("client-based app has no client secret")
        .hasMessageNotContaining(CLIENT_SECRET);
  }

  @Test
  void selfClientNeedsNoRedirectUriButASecret() {
    assertThatThrownBy(() -> ZohoOAuth.builder(ClientType.SELF_CLIENT).clientId(CLIENT_ID).build())
        .hasMessageContaining("self client client needs its client secret");
    assertThatThrownBy(() -> ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).redirectUri("https://x/cb").build())
        .hasMessageContaining("self client client has no redirect URI");
  }

  @Test
  void clientIdWithWhitespaceIsRejected() {
    assertThatThrownBy(() -> ZohoOAuth.selfClient(" " + CLIENT_ID, CLIENT_SECRET).build())
        .hasMessageContaining("contains whitespace");
  }

  @Test
  void clientCredentialsOnlyForSelfClients() {
    assertThatThrownBy(() -> ZohoOAuth.nonBrowser(CLIENT_ID, CLIENT_SECRET)
        .clientCredentials("ZohoCRM.600123", java.util.List.of("ZohoCRM.modules.ALL")).build())
        .hasMessageContaining("only for self clients");
  }

  @Test
  void flowsAreOnlyOfferedToTheirClientType() {
    ZohoOAuth self = ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).tokenStore(TokenStores.inMemory()).build();
    assertThatThrownBy(self::deviceFlow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the device flow is for non-browser clients")
        .hasMessageContaining("is a self client client");
  }

  @Test
  void toStringRedactsTheSecret() {
    ZohoOAuth oauth = ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).tokenStore(TokenStores.inMemory()).build();
    assertThat(oauth.toString()).contains(CLIENT_ID).contains("9f…9f").doesNotContain(CLIENT_SECRET);
  }
}
