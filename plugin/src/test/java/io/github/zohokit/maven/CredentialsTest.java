package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static final String SECRET = "9f1c2b7e4d8a6c3b5e0f9a8d7c6b5a4e3d2c1b0a9f";

  @Test
  void propertiesWinOverTheEnvironmentWhichWinsOverSettings() throws Exception {
    Credentials.Server server = new Credentials.Server("zoho", "1000.FROMSETTINGS", "from-settings-secret");
    Credentials fromProperties = Credentials.resolve(Map.of("zoho.clientId", "1000.FROMPROPS")::get,
        Map.of("ZOHO_CLIENT_ID", "1000.FROMENV", "ZOHO_CLIENT_SECRET", SECRET)::get, server);
    assertThat(fromProperties.clientId()).isEqualTo("1000.FROMPROPS");
    assertThat(fromProperties.clientSecret()).isEqualTo(SECRET);
    assertThat(fromProperties.source()).isEqualTo("-Dzoho.clientId");

    Credentials fromSettings = Credentials.resolve(k -> null, k -> null, server);
    assertThat(fromSettings.clientId()).isEqualTo("1000.FROMSETTINGS");
    assertThat(fromSettings.source()).isEqualTo("settings.xml server 'zoho'");
  }

  @Test
  void missingCredentialsSayWhereToPutThem() {
    assertThatThrownBy(() -> Credentials.resolve(k -> null, k -> null, null).require(true, "zoho-prod"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("No Zoho client id and client secret found")
        .hasMessageContaining("<id>zoho-prod</id>")
        .hasMessageContaining("ZOHO_CLIENT_ID and ZOHO_CLIENT_SECRET")
        .hasMessageContaining("-Dzoho.clientId=");
  }

  @Test
  void aClientIdAloneIsEnoughWhereNoSecretIsNeeded() throws MojoFailureException {
    assertThat(Credentials.resolve(Map.of("zoho.clientId", "1000.X")::get, k -> null, null).require(false, "zoho")
        .clientId()).isEqualTo("1000.X");
    assertThatThrownBy(() -> Credentials.resolve(Map.of("zoho.clientId", "1000.X")::get, k -> null, null)
        .require(true, "zoho")).hasMessageContaining("No Zoho client secret found");
  }

  @Test
  void toStringRedactsTheSecret() {
    Credentials credentials = Credentials.resolve(Map.of("zoho.clientId", "1000.X", "zoho.clientSecret", SECRET)::get,
        k -> null, null);
    assertThat(credentials.toString()).contains("1000.X").contains("9f…9f").doesNotContain(SECRET);
    assertThat(new Credentials.Server("zoho", "1000.X", SECRET).toString()).contains("zoho").contains("9f…9f")
        .doesNotContain(SECRET);
  }
}
