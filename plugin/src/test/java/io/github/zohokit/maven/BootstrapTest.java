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
import io.github.zohokit.testkit.FakeZohoExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap logic against the fake Zoho, and reading scope manifests from classes and jars. */
class BootstrapTest {
  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest();

  @TempDir
  Path dir;

  private static final Set<Scope> REQUIRED = new TreeSet<>(Scope.parseList("ZohoCRM.modules.leads.ALL,ZohoCRM.users.READ"));

  private ZohoOAuth.Builder oauth(FakeZoho fake, FakeClient client) {
    return ZohoOAuth.builder(ClientType.SELF_CLIENT).clientId(client.clientId()).clientSecret(client.clientSecret())
        .endpoints(fake.endpoints());
  }

  @Test
  void aGrantTokenWithEveryScopeIsStoredAndThenCoversTheBuild(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerSelfClient();
    TokenStore store = TokenStores.file(dir.resolve("tokens.json"));
    TokenKey key = new TokenKey(client.clientId(), "default");
    assertThat(Bootstrap.coveringToken(store, key, REQUIRED, Clock.systemUTC())).isEmpty();

    new Bootstrap(oauth(fake, client), store, key)
        .exchange(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL", "ZohoCRM.users.READ")), REQUIRED);

    fake.resetObservations();
    assertThat(Bootstrap.coveringToken(store, key, REQUIRED, Clock.systemUTC())).isPresent();
    assertThat(fake.requests()).isEmpty();
    Set<Scope> more = new TreeSet<>(REQUIRED);
    more.add(Scope.parse("ZohoCRM.org.READ"));
    assertThat(Bootstrap.coveringToken(store, key, more, Clock.systemUTC())).isEmpty();
  }

  @Test
  void aForcedExchangeRevokesTheRefreshTokenItReplaces(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerSelfClient();
    TokenStore store = TokenStores.file(dir.resolve("tokens.json"));
    TokenKey key = new TokenKey(client.clientId(), "default");
    List<String> scopes = List.of("ZohoCRM.modules.ALL", "ZohoCRM.users.READ");
    ZohoToken first = new Bootstrap(oauth(fake, client), store, key)
        .exchange(fake.generateGrantCode(client, scopes), REQUIRED);

    ZohoToken second = new Bootstrap(oauth(fake, client), store, key)
        .exchange(fake.generateGrantCode(client, scopes), REQUIRED);

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(store.load(key).get().token().refreshToken()).isEqualTo(second.refreshToken());
    assertThat(fake.liveRefreshTokens(client)).as("the replaced refresh token was revoked").isEqualTo(1);
  }

  @Test
  void missingScopesFailNamingThemAndNothingIsKept(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    TokenStore store = TokenStores.file(dir.resolve("tokens.json"));
    assertThatThrownBy(() -> new Bootstrap(oauth(fake, client), store, new TokenKey(client.clientId(), "default"))
        .exchange(fake.generateGrantCode(client, List.of("ZohoCRM.modules.leads.READ")), REQUIRED))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("lacks scopes this build's APIs need: ZohoCRM.modules.leads.ALL,ZohoCRM.users.READ")
        .hasMessageContaining("Nothing was stored");
    assertThat(store.keys()).isEmpty();
    assertThat(fake.liveRefreshTokens(client)).isZero();
  }

  @Test
  void theNoGrantTokenMessageNamesTheConsoleOfTheDataCentreAndTheScopes() {
    assertThat(Bootstrap.noGrantToken(REQUIRED, DataCenter.AU))
        .contains("https://api-console.zoho.com.au")
        .contains("Paste these scopes: ZohoCRM.modules.leads.ALL,ZohoCRM.users.READ")
        .contains("-Dzoho.grantToken=<code>");
  }

  @Test
  void manifestsAreReadFromClassDirectoriesAndJarsPlusExtraScopes() throws Exception {
    String manifest = "{\"format\":\"zohokit-scopes\",\"formatVersion\":1,\"clients\":[{\"interface\":\"a.B\","
        + "\"methods\":[{\"name\":\"m\",\"http\":\"GET\",\"path\":\"/crm/v8/Leads\",\"scopes\":"
        + "[\"ZohoCRM.modules.leads.READ\"]}]}],\"scopes\":[\"ZohoCRM.modules.leads.READ\"]}";
    File classes = dir.resolve("classes").toFile();
    Files.createDirectories(classes.toPath().resolve("META-INF/zoho"));
    Files.writeString(classes.toPath().resolve("META-INF/zoho/scopes.json"), manifest);
    File jar = dir.resolve("dep.jar").toFile();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar.toPath()))) {
      out.putNextEntry(new JarEntry("META-INF/zoho/scopes.json"));
      out.write(manifest.replace("leads", "contacts").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    RequiredScopes scopes = RequiredScopes.read(List.of(classes, jar, dir.resolve("missing").toFile()),
        "ZohoCRM.org.READ");
    assertThat(scopes.consoleString())
        .isEqualTo("ZohoCRM.modules.contacts.READ,ZohoCRM.modules.leads.READ,ZohoCRM.org.READ");
    assertThat(scopes.included()).hasSize(2);
  }

  @Test
  void reportsAreRedacted(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerSelfClient();
    TokenStore store = TokenStores.inMemory();
    TokenKey key = new TokenKey(client.clientId(), "default");
    ZohoToken token = new Bootstrap(oauth(fake, client), store, key)
        .exchange(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL", "ZohoCRM.users.ALL")), REQUIRED);
    String report = String.join("\n", TokenReport.details(token, "memory", Clock.systemUTC().instant()));
    assertThat(report).contains("refresh token : 1000.").doesNotContain(token.refreshToken().reveal())
        .doesNotContain(token.accessToken().reveal()).contains("ZohoCRM.modules.ALL,ZohoCRM.users.ALL");
  }

  /** A file store holding a token for {@code client} that covers {@link #REQUIRED}. */
  private TokenStore stored(FakeZoho fake, FakeClient client, TokenKey key) throws Exception {
    TokenStore store = TokenStores.file(dir.resolve("tokens.json"));
    new Bootstrap(oauth(fake, client), store, key)
        .exchange(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL", "ZohoCRM.users.READ")), REQUIRED);
    return store;
  }

  @Test
  void aTokenTheRuntimeFoundDeadNoLongerCoversTheBuildSoTheGrantTokenIsExchanged(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerSelfClient();
    TokenKey key = new TokenKey(client.clientId(), "default");
    TokenStore store = stored(fake, client, key);
    assertThat(fake.revokeToken(store.load(key).get().token().refreshToken().reveal())).isTrue();
    ZohoOAuth app = oauth(fake, client).tokenStore(store).build();
    // the app's next API call gets 401 INVALID_TOKEN (revoking the refresh token revoked its access tokens too)
    assertThatThrownBy(() -> app.refresh("default"))
        .isInstanceOf(ReauthorizationRequiredException.class);

    assertThat(Bootstrap.coveringToken(store, key, REQUIRED, Clock.systemUTC())).isEmpty();
    new Bootstrap(oauth(fake, client), store, key)
        .exchange(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL", "ZohoCRM.users.READ")), REQUIRED);
    assertThat(Bootstrap.coveringToken(store, key, REQUIRED, Clock.systemUTC())).isPresent();
    assertThat(oauth(fake, client).tokenStore(store).build().token("default").hasLiveRefreshToken()).isTrue();
  }

  @Test
  void verifyFindsARevokedTokenWithOneRefreshAndRecordsIt(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerSelfClient();
    TokenKey key = new TokenKey(client.clientId(), "default");
    TokenStore store = stored(fake, client, key);
    fake.revokeToken(store.load(key).get().token().refreshToken().reveal());
    // nothing has met the dead token yet: without asking Zoho it still looks as if it covers the build
    assertThat(Bootstrap.coveringToken(store, key, REQUIRED, Clock.systemUTC())).isPresent();
    fake.resetObservations();

    assertThat(new Bootstrap(oauth(fake, client), store, key).verify()).hasValueSatisfying(reason ->
        assertThat(reason).contains("no longer accepts the refresh token").contains("-Dzoho.grantToken="));
    assertThat(fake.count("token:refresh_token")).isEqualTo(1);
    assertThat(Bootstrap.coveringToken(store, key, REQUIRED, Clock.systemUTC())).isEmpty();
  }

  @Test
  void verifyOfALiveTokenRenewsItOnceAndStoresTheRenewal(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerSelfClient();
    TokenKey key = new TokenKey(client.clientId(), "default");
    TokenStore store = TokenStores.file(dir.resolve("tokens.json"));
    new Bootstrap(oauth(fake, client), store, key)
        .exchange(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL", "ZohoCRM.users.READ")), REQUIRED);
    String before = store.load(key).get().token().accessToken().reveal();
    fake.resetObservations();

    assertThat(new Bootstrap(oauth(fake, client), store, key).verify()).isEmpty();
    assertThat(fake.count("token:refresh_token")).isEqualTo(1);
    assertThat(store.load(key).get().token().accessToken().reveal()).isNotEqualTo(before);
  }

  @Test
  void theConsoleOfCanadaIsOnZohoCloudLikeItsAccountsServer() {
    assertThat(Bootstrap.consoleUrl(DataCenter.CA)).isEqualTo("https://api-console.zohocloud.ca");
    assertThat(Bootstrap.consoleUrl(DataCenter.AE)).isEqualTo("https://api-console.zoho.ae");
    assertThat(Bootstrap.noGrantToken(REQUIRED, DataCenter.CA)).contains("https://api-console.zohocloud.ca");
  }
}
