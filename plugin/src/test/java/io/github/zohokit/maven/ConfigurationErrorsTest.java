package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoConfigurationException.Setting;
import java.nio.file.Files;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime checks the client's configuration; a goal reports what it finds as a failure naming the parameter (or
 * the other sources) the user changes, from a table of the runtime's settings, and no stack trace.
 */
@MojoTest
class ConfigurationErrorsTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty("zoho.clientId");
    System.clearProperty("zoho.clientSecret");
  }

  @Test
  void everyRuntimeSettingHasAName() {
    assertThat(AbstractZohoMojo.PARAMETERS).containsOnlyKeys(Setting.values());
  }

  @Test
  @InjectMojo(goal = "revoke-token")
  void aClientIdTheRuntimeRefusesFailsTheGoalNamingWhereItComesFrom(RevokeTokenMojo mojo) throws Exception {
    System.setProperty("zoho.clientId", "1000.AB CD");
    System.setProperty("zoho.clientSecret", "9f1c2b7e4d8a6c3b5e0f9a8d7c6b5a4e3d2c1b0a9f");
    mojo.tokenStore = Files.createTempDirectory("zoho").resolve("tokens.json").toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("the client id (-Dzoho.clientId, ZOHO_CLIENT_ID, or the username of the settings.xml "
            + "<server>) is not accepted: the client id '1000.AB CD' contains whitespace")
        .hasMessageNotContaining("9f1c2b7e4d8a6c3b5e0f9a8d7c6b5a4e3d2c1b0a9f");
  }
}
