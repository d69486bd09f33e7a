package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.zoho_maven_plugin.HelpMojo;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the goals print: {@code zoho:help} documents the inputs that are not parameters, and each goal says its
 * outcome in one line.
 */
@MojoTest
class GoalOutputTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty("zoho.clientId");
    System.clearProperty("zoho.clientSecret");
  }

  @Test
  @InjectMojo(goal = "revoke-token")
  void revokeTokenSaysWhenZohoNoLongerKnewTheTokenAndStillRemovesIt(RevokeTokenMojo mojo) throws Exception {
    try (FakeZoho fake = FakeZoho.start()) {
      mojo.tokenStore = storedToken("ZohoCRM.modules.ALL");   // a token the fake never issued
      System.setProperty("zoho.clientSecret", "secret0123456789");
      mojo.accountsUrl = fake.baseUrl(DataCenter.US);
      CapturingLog log = new CapturingLog();
      mojo.setLog(log);
      mojo.execute();
      assertThat(log.lines).containsExactly("info: Zoho no longer knew the token of client 1000.X, user default "
          + "(already revoked or replaced); removed it from " + mojo.tokenStore.toPath().toAbsolutePath());
      assertThat(TokenStores.file(mojo.tokenStore.toPath()).keys()).isEmpty();
      assertThat(fake.count("revoke")).isEqualTo(1);
    }
  }

  @Test
  void helpDocumentsTheInputsThatAreNotParameters() throws Exception {
    String help = help("bootstrap-token");
    assertThat(help).contains("zoho.clientId", "zoho.clientSecret", "ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET",
        "settings.xml", "mvn --encrypt-password", "zoho.grantToken", "ZOHO_GRANT_TOKEN");
    assertThat(help).contains("-Dzoho.force=true", "-Dzoho.includeDependencies=false", "-Dzoho.accountsUrl=",
        "Offline (mvn -o)");
    for (String goal : List.of("revoke-token", "device-login", "token-status")) {
      assertThat(help(goal)).as(goal).contains("ZOHO_CLIENT_ID", "-Dzoho.clientId", "settings.xml");
    }
  }

  @Test
  void helpDescribesTheAccountsUrlAndDependencyParameters() throws Exception {
    String help = help("bootstrap-token");
    assertThat(help).contains("fake Zoho in tests").contains("loopback address");
    assertThat(help).contains("scopes of this project's own clients");
  }

  @Test
  @InjectMojo(goal = "token-status")
  @MojoParameter(name = "scopes", value = "ZohoCRM.modules.leads.READ")
  void tokenStatusLeadsWithOneOutcomeLine(TokenStatusMojo mojo) throws Exception {
    mojo.tokenStore = storedToken("ZohoCRM.modules.ALL");
    CapturingLog log = new CapturingLog();
    mojo.setLog(log);
    mojo.execute();
    assertThat(log.lines.get(0))
        .isEqualTo("info: Zoho token for client 1000.X, user default covers the 1 scopes this build needs");
    assertThat(log.lines.subList(1, log.lines.size())).allMatch(line -> line.startsWith("info:   "))
        .noneMatch(line -> line.contains("covers") || line.contains("Zoho token for"));
  }

  @Test
  @InjectMojo(goal = "token-status")
  @MojoParameter(name = "scopes", value = "ZohoCRM.users.READ")
  void tokenStatusWarnsOnceAboutMissingScopes(TokenStatusMojo mojo) throws Exception {
    mojo.tokenStore = storedToken("ZohoCRM.modules.ALL");
    CapturingLog log = new CapturingLog();
    mojo.setLog(log);
    mojo.execute();
    assertThat(log.lines.get(0)).startsWith(
        "warn: Zoho token for client 1000.X, user default lacks scopes this build needs: ZohoCRM.users.READ.");
    assertThat(log.lines).filteredOn(line -> line.contains("ZohoCRM.users.READ")).hasSize(1);
  }

  @Test
  @InjectMojo(goal = "token-status")
  @MojoParameter(name = "scopes", value = "ZohoCRM.users.READ")
  @MojoParameter(name = "failIfMissing", value = "true")
  void tokenStatusFailingOnMissingScopesSaysItOnceInTheFailure(TokenStatusMojo mojo) throws Exception {
    mojo.tokenStore = storedToken("ZohoCRM.modules.ALL");
    CapturingLog log = new CapturingLog();
    mojo.setLog(log);
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("Zoho token for client 1000.X, user default lacks scopes this build needs: "
            + "ZohoCRM.users.READ.");
    assertThat(log.lines).noneMatch(line -> line.contains("ZohoCRM.users.READ"));
  }

  @Test
  @InjectMojo(goal = "token-status")
  @MojoParameter(name = "scopes", value = "ZohoCRM.modules.leads.READ")
  @MojoParameter(name = "failIfMissing", value = "true")
  void tokenStatusSaysATokenZohoDeclaredDeadNoLongerWorks(TokenStatusMojo mojo) throws Exception {
    mojo.tokenStore = storedToken("ZohoCRM.modules.ALL", Instant.parse("2026-12-01T10:00:00Z"));
    CapturingLog log = new CapturingLog();
    mojo.setLog(log);
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("no longer works: Zoho declared its refresh token dead at 2026-12-01T10:00:00Z")
        .hasMessageContaining("mvn zoho:bootstrap-token with a new grant token");
    assertThat(log.lines).anyMatch(line -> line.contains("(declared dead by Zoho at 2026-12-01T10:00:00Z)"))
        .noneMatch(line -> line.contains("refresh0123456789"));
  }

  private static File storedToken(String scopes) throws Exception {
    return storedToken(scopes, null);
  }

  private static File storedToken(String scopes, Instant refreshTokenRejectedAt) throws Exception {
    System.setProperty("zoho.clientId", "1000.X");
    File file = new File(Files.createTempDirectory("zoho").toFile(), "tokens.json");
    ZohoToken token = ZohoToken.builder().accessToken(Secret.of("1000.access0123456789"))
        .refreshToken(Secret.of("1000.refresh0123456789")).expiresAt(Instant.now().plus(Duration.ofHours(1)))
        .scopes(Scope.parseList(scopes)).refreshTokenRejectedAt(refreshTokenRejectedAt).build();
    TokenStores.file(file.toPath()).save(new TokenKey("1000.X", "default"), token);
    return file;
  }

  /** The text {@code mvn zoho:help -Ddetail=true -Dgoal=GOAL} prints, from the generated help mojo. */
  private static String help(String goal) throws Exception {
    HelpMojo help = new HelpMojo();
    set(help, "detail", true);
    set(help, "goal", goal);
    set(help, "lineLength", 200);
    set(help, "indentSize", 2);
    CapturingLog log = new CapturingLog();
    help.setLog(log);
    help.execute();
    return log.lines.stream().collect(Collectors.joining("\n"));
  }

  private static void set(Object target, String name, Object value) throws Exception {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }

  /** Keeps what a goal logs, as "level: text". */
  static final class CapturingLog extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      lines.add("info: " + content);
    }

    @Override
    public void warn(CharSequence content) {
      lines.add("warn: " + content);
    }

    @Override
    public void error(CharSequence content) {
      lines.add("error: " + content);
    }
  }
}
