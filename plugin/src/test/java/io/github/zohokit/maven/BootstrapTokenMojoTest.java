package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code bootstrap-token} with a grant token given while the stored token is dead, with and without verify. */
@MojoTest
class BootstrapTokenMojoTest {
  private static final List<String> SCOPES = List.of("ZohoCRM.modules.ALL");
  private static final Set<Scope> REQUIRED = new TreeSet<>(Scope.parseList("ZohoCRM.modules.ALL"));

  private FakeZoho fake;
  private FakeClient client;
  private TokenKey key;
  private Path file;
  private TokenStore store;

  @BeforeEach
  void start() throws Exception {
    fake = FakeZoho.start();
    client = fake.registerSelfClient();
    key = new TokenKey(client.clientId(), "default");
    file = Files.createTempDirectory("zoho").resolve("tokens.json");
    store = TokenStores.file(file);
    System.setProperty("zoho.clientId", client.clientId());
    System.setProperty("zoho.clientSecret", client.clientSecret());
    new Bootstrap(oauth(), store, key).exchange(fake.generateGrantCode(client, SCOPES), REQUIRED);
    fake.revokeToken(store.load(key).get().token().refreshToken().reveal());
    fake.resetObservations();
  }

  @AfterEach
  void stop() {
    System.clearProperty("zoho.clientId");
    System.clearProperty("zoho.clientSecret");
    System.clearProperty("zoho.grantToken");
    fake.close();
  }

  private ZohoOAuth.Builder oauth() {
    return ZohoOAuth.builder(ClientType.SELF_CLIENT).clientId(client.clientId()).clientSecret(client.clientSecret())
        .endpoints(fake.endpoints());
  }

  private void configure(BootstrapTokenMojo mojo) {
    mojo.accountsUrl = fake.baseUrl(DataCenter.US);
    mojo.tokenStore = file.toFile();
    System.setProperty("zoho.grantToken", fake.generateGrantCode(client, SCOPES));
  }

  @Test
  @InjectMojo(goal = "bootstrap-token")
  @MojoParameter(name = "scopes", value = "ZohoCRM.modules.ALL")
  void aGrantTokenReplacesAStoredTokenTheRuntimeFoundDead(BootstrapTokenMojo mojo) throws Exception {
    ZohoToken dead = store.load(key).get().token();
    assertThatThrownBy(() -> oauth().tokenStore(store).build().refresh("default"))
        .isInstanceOf(ReauthorizationRequiredException.class);
    configure(mojo);

    mojo.execute();

    ZohoToken now = store.load(key).get().token();
    assertThat(now.hasLiveRefreshToken()).isTrue();
    assertThat(now.refreshToken()).isNotEqualTo(dead.refreshToken());
    assertThat(fake.count("token:authorization_code")).isEqualTo(1);
  }

  @Test
  @InjectMojo(goal = "bootstrap-token")
  @MojoParameter(name = "scopes", value = "ZohoCRM.modules.ALL")
  @MojoParameter(name = "verify", value = "true")
  void verifyFindsADeadTokenWithOneRefreshAndTheGrantTokenReplacesIt(BootstrapTokenMojo mojo) throws Exception {
    ZohoToken dead = store.load(key).get().token();
    configure(mojo);

    mojo.execute();

    assertThat(fake.count("token:refresh_token")).isEqualTo(1);
    assertThat(fake.count("token:authorization_code")).isEqualTo(1);
    assertThat(store.load(key).get().token().refreshToken()).isNotEqualTo(dead.refreshToken());
  }

  @Test
  @InjectMojo(goal = "bootstrap-token")
  @MojoParameter(name = "scopes", value = "ZohoCRM.modules.ALL")
  void withoutVerifyATokenNothingFoundDeadYetStaysAndNoRequestIsMade(BootstrapTokenMojo mojo) throws Exception {
    ZohoToken stored = store.load(key).get().token();
    configure(mojo);

    mojo.execute();

    assertThat(fake.requests()).isEmpty();
    assertThat(store.load(key).get().token()).isEqualTo(stored);
  }
}
