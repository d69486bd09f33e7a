package io.github.zohokit;

import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.zohokit.ZohoConfigurationException.Setting;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenStores;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every configuration rule of {@code ZohoOAuth.Builder} names its setting, so the Spring starter and the plugin can
 * report it under their own name from a table instead of reading the message.
 */
class ZohoConfigurationExceptionTest {

  private static ZohoOAuth.Builder self() {
    return ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).tokenStore(TokenStores.inMemory());
  }

  private static ZohoConfigurationException thrown(Executable build) {
    return catchThrowableOfType(ZohoConfigurationException.class, build::execute);
  }

  @Test
  void theClientIdSecretAndRedirectUriRulesNameTheirSetting() {
    assertThat(thrown(() -> ZohoOAuth.selfClient(" ", CLIENT_SECRET).build()).setting()).isEqualTo(Setting.CLIENT_ID);
    assertThat(thrown(() -> ZohoOAuth.selfClient("1000 X", CLIENT_SECRET).build()).setting())
        .isEqualTo(Setting.CLIENT_ID);
    assertThat(thrown(() -> ZohoOAuth.selfClient(CLIENT_ID, null).build()).setting()).isEqualTo(Setting.CLIENT_SECRET);
    assertThat(thrown(() -> ZohoOAuth.builder(ClientType.CLIENT_BASED).clientId(CLIENT_ID).clientSecret("s")
        .redirectUri("https://app.example.com/").build()).setting()).isEqualTo(Setting.CLIENT_SECRET);
    assertThat(thrown(() -> ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, null).build()).setting())
        .isEqualTo(Setting.REDIRECT_URI);
    assertThat(thrown(() -> ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, "/relative").build()).setting())
        .isEqualTo(Setting.REDIRECT_URI);
    assertThat(thrown(() -> self().redirectUri("https://app.example.com/cb").build()).setting())
        .isEqualTo(Setting.REDIRECT_URI);
  }

  @Test
  void theMarginTimeoutAndGrantRulesNameTheirSetting() {
    assertThat(thrown(() -> self().refreshMargin(Duration.ofMinutes(-1))).setting()).isEqualTo(Setting.REFRESH_MARGIN);
    assertThat(thrown(() -> self().expiryMargin(Duration.ofMinutes(-1))).setting()).isEqualTo(Setting.EXPIRY_MARGIN);
    assertThat(thrown(() -> self().refreshMargin(Duration.ofMinutes(2)).expiryMargin(Duration.ofMinutes(3)).build())
        .setting()).isEqualTo(Setting.EXPIRY_MARGIN);
    assertThat(thrown(() -> self().accountsTimeout(Duration.ZERO)).setting()).isEqualTo(Setting.ACCOUNTS_TIMEOUT);
    assertThat(thrown(() -> self().leaseTimeout(Duration.ofSeconds(20)).build()).setting())
        .isEqualTo(Setting.LEASE_TIMEOUT);
    assertThat(thrown(() -> self().clientCredentials(List.of())).setting())
        .isEqualTo(Setting.CLIENT_CREDENTIALS_SCOPES);
    assertThat(thrown(() -> self().clientCredentials("not an org!", List.of("ZohoCRM.modules.ALL"))).setting())
        .isEqualTo(Setting.CLIENT_CREDENTIALS_SOID);
    assertThat(thrown(() -> ZohoOAuth.nonBrowser(CLIENT_ID, CLIENT_SECRET).clientCredentials(List.of("ZohoCRM.modules.ALL"))
        .build()).setting()).isEqualTo(Setting.CLIENT_CREDENTIALS_SCOPES);
  }

  @Test
  void theMessageIsTheProblemThenTheFixAndHoldsNoSecret() {
    ZohoConfigurationException e = thrown(() -> ZohoOAuth.builder(ClientType.CLIENT_BASED).clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET).redirectUri("https://app.example.com/").build());
    assertThat(e).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid Zoho client configuration: " + e.problem() + "; " + e.fix())
        .hasMessageNotContaining(CLIENT_SECRET);
    assertThat(e.problem()).contains("client-based app has no client secret");
    assertThat(e.fix()).isEqualTo("remove it");
  }
}
