package io.github.zohokit.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.token.DataCenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's command line: what it accepts, and a clear message for what it does not. */
class SyncToDatabaseOptionsTest {
  static final Map<String, String> ENV = Map.of("ZOHO_CLIENT_ID", "1000.ID", "ZOHO_CLIENT_SECRET", "s3cret",
      "JDBC_PASSWORD", "pw");

  @TempDir
  Path dir;

  SyncToDatabase.Options parse(String... args) {
    return SyncToDatabase.Options.parse(args, ENV);
  }

  @Test
  void readsEveryOptionAndTakesTheSecretsFromTheEnvironmentOnly() throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens.json"), "{}");
    SyncToDatabase.Options o = parse("--module", "Leads,Projects__c", "--fields", "Last_Name, Email", "--jdbc",
        "jdbc:h2:./x", "--jdbc-user", "sa", "--data-center", "eu", "--accounts-url", "http://127.0.0.1:1",
        "--api-url", "http://127.0.0.1:2", "--token-store", tokens.toString(), "--table-prefix", "crm_");
    assertThat(o.modules()).containsExactly("Leads", "Projects__c");
    assertThat(o.fields()).containsExactly("Last_Name", "Email");
    assertThat(o.dataCenter()).isEqualTo(DataCenter.EU);
    assertThat(o.tokenStore()).isEqualTo(tokens);
    assertThat(o.clientSecret()).isEqualTo("s3cret");
    assertThat(o.jdbcPassword()).isEqualTo("pw");
    assertThat(o.toString()).doesNotContain("s3cret", "pw");
    assertThat(parse("--help")).isNull();
  }

  @Test
  void saysWhatIsMissingOrWrongAndWhatToGive() {
    assertThatThrownBy(() -> parse("--fields", "Email", "--jdbc", "jdbc:h2:./x"))
        .hasMessageContaining("--module Leads");
    assertThatThrownBy(() -> parse("--module", "Leads", "--jdbc", "jdbc:h2:./x"))
        .hasMessageContaining("--fields Last_Name,Email");
    assertThatThrownBy(() -> parse("--module", "Leads", "--fields", "Email", "--jdbc", "h2:./x"))
        .hasMessageContaining("\"h2:./x\" is not one");
    assertThatThrownBy(() -> parse("--module", "Leads;DROP", "--fields", "Email", "--jdbc", "jdbc:h2:./x"))
        .hasMessageContaining("is not a Zoho API name");
    assertThatThrownBy(() -> parse("--module", "Leads", "--fields", "Email", "--jdbc", "jdbc:h2:./x",
        "--data-center", "mars")).hasMessageContaining("one of [us, eu");
    assertThatThrownBy(() -> parse("--module", "Leads", "--fields", "Email", "--jdbc", "jdbc:h2:./x", "--port", "1"))
        .hasMessageContaining("unknown option --port");
    assertThatThrownBy(() -> parse("--module")).hasMessageContaining("--module needs a value");
    assertThatThrownBy(() -> SyncToDatabase.Options.parse(new String[] {"--module", "Leads", "--fields", "Email",
        "--jdbc", "jdbc:h2:./x"}, Map.of())).hasMessageContaining("ZOHO_CLIENT_ID and ZOHO_CLIENT_SECRET");
    assertThatThrownBy(() -> parse("--module", "Leads", "--fields", "Email", "--jdbc", "jdbc:h2:./x",
        "--token-store", dir.resolve("none.json").toString()))
        .hasMessageContaining("no token file").hasMessageContaining("mvn zoho:bootstrap-token");
  }

  @Test
  void clientCredentialsNeedNoTokenFileAndAskForEachModulesReadScope() {
    SyncToDatabase.Options o = parse("--module", "Leads,Projects__c", "--fields", "Email", "--jdbc", "jdbc:h2:./x",
        "--token-store", dir.resolve("none.json").toString(), "--client-credentials", "ZohoCRM.123");
    assertThat(o.clientCredentialsSoid()).isEqualTo("ZohoCRM.123");
    assertThat(SyncToDatabase.Options.readScope("Leads")).isEqualTo("ZohoCRM.modules.leads.READ");
    assertThat(SyncToDatabase.Options.readScope("Price_Books")).isEqualTo("ZohoCRM.modules.pricebooks.READ");
    assertThat(SyncToDatabase.Options.readScope("Projects__c")).isEqualTo("ZohoCRM.modules.custom.READ");
  }

  @Test
  void clientCredentialsAskForEachModuleOnceAndTheBulkReadScopes() {
    assertThat(SyncToDatabase.Options.clientCredentialsScopes(List.of("Leads", "Projects__c", "Tasks__c")))
        .containsExactly("ZohoCRM.modules.leads.READ", "ZohoCRM.modules.custom.READ", "ZohoCRM.bulk.read",
            "ZohoCRM.settings.fields.READ");
  }
}
