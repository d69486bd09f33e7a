package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The goals as Maven configures them (plugin descriptor, defaults, parameters) through the plugin testing harness,
 * and the errors a user meets before any network call.
 */
@MojoTest
class MojoParametersTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty("zoho.clientId");
  }

  @Test
  @InjectMojo(goal = "bootstrap-token")
  void defaultsComeFromThePluginDescriptor(BootstrapTokenMojo mojo) {
    assertThat(mojo.serverId).isEqualTo("zoho");
    assertThat(mojo.dataCenter).isEqualTo("us");
    assertThat(mojo.userKey).isEqualTo("default");
    assertThat(mojo.includeDependencies).isTrue();
    assertThat(mojo.skip).isFalse();
    assertThat(mojo.force).isFalse();
  }

  @Test
  @InjectMojo(goal = "bootstrap-token")
  @MojoParameter(name = "dataCenter", value = "eu")
  @MojoParameter(name = "scopes", value = "ZohoCRM.modules.ALL")
  @MojoParameter(name = "userKey", value = "ci")
  @MojoParameter(name = "force", value = "true")
  void parametersAreApplied(BootstrapTokenMojo mojo) {
    assertThat(mojo.dataCenter).isEqualTo("eu");
    assertThat(mojo.scopes).isEqualTo("ZohoCRM.modules.ALL");
    assertThat(mojo.userKey).isEqualTo("ci");
    assertThat(mojo.force).isTrue();
  }

  @Test
  @InjectMojo(goal = "bootstrap-token")
  @MojoParameter(name = "skip", value = "true")
  void skipDoesNothing(BootstrapTokenMojo mojo) throws Exception {
    mojo.execute();
  }

  @Test
  @InjectMojo(goal = "bootstrap-token")
  void withoutScopesItSaysToCompileFirst(BootstrapTokenMojo mojo) {
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("No scopes to request").hasMessageContaining("-Dzoho.scopes=");
  }

  @Test
  @InjectMojo(goal = "bootstrap-token")
  @MojoParameter(name = "scopes", value = "ZohoCRM.modules.ALL")
  void withoutCredentialsItSaysWhereTheyGo(BootstrapTokenMojo mojo) {
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("No Zoho client id").hasMessageContaining("settings.xml");
  }

  @Test
  @InjectMojo(goal = "bootstrap-token")
  @MojoParameter(name = "scopes", value = "ZohoCRM.modules.ALL")
  @MojoParameter(name = "dataCenter", value = "mars")
  void anUnknownDataCentreIsNamed(BootstrapTokenMojo mojo) throws Exception {
    System.setProperty("zoho.clientId", "1000.X");
    mojo.tokenStore = Files.createTempDirectory("zoho").resolve("tokens.json").toFile();
    assertThatThrownBy(mojo::execute).hasMessageContaining("zoho.dataCenter: unknown Zoho data centre 'mars'");
  }

  @Test
  @InjectMojo(goal = "bootstrap-token")
  @MojoParameter(name = "scopes", value = "ZohoCRM.modules.ALL")
  @MojoParameter(name = "dataCenter", value = "in")
  void withoutAGrantTokenItPrintsTheScopesAndTheConsole(BootstrapTokenMojo mojo) throws Exception {
    System.setProperty("zoho.clientId", "1000.X");
    mojo.tokenStore = Files.createTempDirectory("zoho").resolve("tokens.json").toFile();
    assertThatThrownBy(mojo::execute).hasMessageContaining("https://api-console.zoho.in")
        .hasMessageContaining("Paste these scopes: ZohoCRM.modules.ALL");
  }

  @Test
  @InjectMojo(goal = "scopes")
  @MojoParameter(name = "scopes", value = "ZohoCRM.modules.leads.READ,ZohoCRM.modules.leads.ALL,ZohoCRM.users.READ")
  void theScopesGoalPrintsOnlyTheBareMinimalScopeStringToStandardOutput(ScopesMojo mojo) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    mojo.stdout = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
    mojo.execute();
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("ZohoCRM.modules.leads.ALL,ZohoCRM.users.READ" + System.lineSeparator());
  }

  @Test
  @InjectMojo(goal = "scopes")
  @MojoParameter(name = "scopes", value = "ZohoCRM.modules.leads.READ,ZohoCRM.users.READ")
  void theScopesGoalWritesTheStringToZohoOutput(ScopesMojo mojo) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    mojo.stdout = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
    mojo.output = Files.createTempDirectory("zoho").resolve("out/scopes.txt").toFile();
    mojo.execute();
    assertThat(Files.readString(mojo.output.toPath())).isEqualTo("ZohoCRM.modules.leads.READ,ZohoCRM.users.READ\n");
    assertThat(out.size()).isZero();
  }

  @Test
  @InjectMojo(goal = "scopes")
  void theDependencyPolicyDefaultsToReferenced(ScopesMojo mojo) {
    assertThat(mojo.dependencyScopes).isEqualTo("referenced");
  }

  @Test
  @InjectMojo(goal = "token-status")
  @MojoParameter(name = "failIfMissing", value = "true")
  void aCorruptTokenStoreIsReportedWithItsPath(TokenStatusMojo mojo) throws Exception {
    System.setProperty("zoho.clientId", "1000.X");
    Path file = Files.createTempDirectory("zoho").resolve("tokens.json");
    Files.writeString(file, "{ not json");
    mojo.tokenStore = file.toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("will not overwrite it");
    assertThat(Files.readString(file)).isEqualTo("{ not json");
  }

  @Test
  @InjectMojo(goal = "token-status")
  @MojoParameter(name = "failIfMissing", value = "true")
  void aMissingTokenFailsWhenAskedTo(TokenStatusMojo mojo) throws Exception {
    System.setProperty("zoho.clientId", "1000.X");
    mojo.tokenStore = new File(Files.createTempDirectory("zoho").toFile(), "tokens.json");
    assertThatThrownBy(mojo::execute).hasMessageContaining("No Zoho token is stored for client 1000.X, user default")
        .hasMessageContaining("run mvn zoho:bootstrap-token");
  }
}
