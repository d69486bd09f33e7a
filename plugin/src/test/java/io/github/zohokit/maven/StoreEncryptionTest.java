package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.store.TokenCipher;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The goals read and write the store the application encrypts, with the key from settings.xml or the environment. */
@MojoTest
class StoreEncryptionTest {
  private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @AfterEach
  void clearProperties() {
    System.clearProperty("zoho.clientId");
  }

  @Test
  void theKeyComesFromTheSettingsServerFirstThenTheEnvironment() throws Exception {
    assertThat(StoreEncryption.cipher(null, name -> null)).isNull();
    assertThat(StoreEncryption.cipher(null, Map.of("ZOHO_TOKEN_KEY", KEY)::get)).isNotNull();
    assertThat(StoreEncryption.cipher(new Credentials.Server("zoho-token-key", null, KEY), name -> "not base64!"))
        .isNotNull();
  }

  @Test
  void anInvalidKeyFailsNamingWhereItCameFromButNotTheKey() {
    assertThatThrownBy(() -> StoreEncryption.cipher(null, Map.of("ZOHO_TOKEN_KEY", "c2hvcnQ=")::get))
        .isInstanceOf(MojoFailureException.class).hasMessageContaining("ZOHO_TOKEN_KEY")
        .hasMessageContaining("openssl rand -base64 32").hasMessageNotContaining("c2hvcnQ=");
    assertThatThrownBy(() -> StoreEncryption.cipher(new Credentials.Server("zoho-token-key", null, "c2hvcnQ="),
        name -> null)).hasMessageContaining("<server> 'zoho-token-key'");
  }

  private static Path encryptedStore() throws Exception {
    Path file = Files.createTempDirectory("zoho").resolve("tokens.json");
    TokenStores.file(file, TokenCipher.aesGcm(KEY)).save(new TokenKey("1000.X", TokenKey.DEFAULT_USER),
        ZohoToken.builder().accessToken(Secret.of("1000.aaaa.bbbb")).refreshToken(Secret.of("1000.cccc.dddd"))
            .expiresAt(Instant.now().plusSeconds(3000)).scopes(Scope.parseList("ZohoCRM.modules.ALL")).build());
    return file;
  }

  @Test
  @InjectMojo(goal = "token-status")
  void aGoalReadsTheEncryptedStoreWithTheKeyFromSettings(TokenStatusMojo mojo) throws Exception {
    System.setProperty("zoho.clientId", "1000.X");
    mojo.tokenStore = encryptedStore().toFile();
    Server server = new Server();
    server.setId("zoho-token-key");
    server.setPassword(KEY);
    Settings settings = new Settings();
    settings.addServer(server);
    mojo.settings = settings;
    mojo.decrypter = null;
    mojo.failIfMissing = true;

    mojo.execute();
  }

  @Test
  @InjectMojo(goal = "token-status")
  void withoutTheKeyTheEncryptedStoreIsReportedNotMisread(TokenStatusMojo mojo) throws Exception {
    System.setProperty("zoho.clientId", "1000.X");
    mojo.tokenStore = encryptedStore().toFile();
    mojo.settings = new Settings();
    mojo.failIfMissing = true;
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("no encryption key is configured");
  }
}
