package io.github.zohokit.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scope manifest's one reader and writer: the format, byte for byte, and what reading accepts and refuses. */
class ScopeManifestTest {
  /** A manifest as the processor writes it (the layout of every zohokit release so far). */
  static final String WRITTEN = "{\n"
      + "  \"format\": \"zohokit-scopes\",\n"
      + "  \"formatVersion\": 1,\n"
      + "  \"clients\": [\n"
      + "    {\n"
      + "      \"interface\": \"com.example.LeadsApi\",\n"
      + "      \"methods\": [\n"
      + "        {\"name\": \"create\", \"http\": \"POST\", \"path\": \"/crm/v8/Leads\", \"scopes\": "
      + "[\"ZohoCRM.modules.leads.CREATE\"], \"scopeFrom\": \"method\", \"catalogue\": \"documented\"},\n"
      + "        {\"name\": \"find\", \"http\": \"GET\", \"path\": \"/crm/v8/{module}/{id}\", \"scopes\": "
      + "[\"ZohoCRM.modules.leads.READ\", \"ZohoCRM.org.READ\"], \"scopeFrom\": \"interface\", "
      + "\"catalogue\": \"documented, module known at run time\"}\n"
      + "      ],\n"
      + "      \"scopes\": [\"ZohoCRM.modules.leads.CREATE\", \"ZohoCRM.modules.leads.READ\", \"ZohoCRM.org.READ\"]\n"
      + "    },\n"
      + "    {\n"
      + "      \"interface\": \"com.example.Z\\\"Odd\\\"\\\\Api\",\n"
      + "      \"methods\": [],\n"
      + "      \"scopes\": []\n"
      + "    }\n"
      + "  ],\n"
      + "  \"scopes\": [\"ZohoCRM.modules.leads.CREATE\", \"ZohoCRM.modules.leads.READ\", \"ZohoCRM.org.READ\"]\n"
      + "}\n";

  private static ScopeManifest.Method method(String name, String http, String path, String scopes, String from,
      String catalogue) {
    return new ScopeManifest.Method(name, http, path, Scope.parseList(scopes), from, catalogue);
  }

  @Test
  void writesTheFormatByteForByteSortedThroughout() {
    ScopeManifest manifest = ScopeManifest.of(List.of(
        new ScopeManifest.Api("com.example.Z\"Odd\"\\Api", List.of(), null),
        new ScopeManifest.Api("com.example.LeadsApi", List.of(
            method("find", "GET", "/crm/v8/{module}/{id}", "ZohoCRM.org.READ,ZohoCRM.modules.leads.READ,"
                + "zohocrm.org.read", "interface", "documented, module known at run time"),
            method("create", "POST", "/crm/v8/Leads", "ZohoCRM.modules.leads.CREATE", "method", "documented")),
            null)));

    assertThat(manifest.toJson()).isEqualTo(WRITTEN);
  }

  @Test
  void readsBackWhatItWrote() {
    ScopeManifest read = ScopeManifest.parse(WRITTEN, "target/classes/META-INF/zoho/scopes.json");

    assertThat(read.toJson()).isEqualTo(WRITTEN);
    assertThat(read.apis()).extracting(ScopeManifest.Api::interfaceName)
        .containsExactly("com.example.LeadsApi", "com.example.Z\"Odd\"\\Api");
    ScopeManifest.Api leads = read.api("com.example.LeadsApi").orElseThrow();
    assertThat(leads.source()).isEqualTo("target/classes/META-INF/zoho/scopes.json");
    assertThat(leads.methods().get(1)).isEqualTo(method("find", "GET", "/crm/v8/{module}/{id}",
        "ZohoCRM.modules.leads.READ,ZohoCRM.org.READ", "interface", "documented, module known at run time"));
    assertThat(Scope.join(read.scopes()))
        .isEqualTo("ZohoCRM.modules.leads.CREATE,ZohoCRM.modules.leads.READ,ZohoCRM.org.READ");
    assertThat(read.api("com.example.Missing")).isEmpty();
  }

  @Test
  void readsAnyLayoutAndIgnoresMembersItDoesNotKnow() throws Exception {
    String compact = "{\"format\":\"zohokit-scopes\",\"formatVersion\":1,\"generator\":{\"by\":[1,2.5e3,true,null]},"
        + "\"clients\":[{\"interface\":\"a.B\",\"methods\":[{\"name\":\"m\",\"http\":\"GET\",\"path\":\"/crm/v8/org\","
        + "\"scopes\":[\"ZohoCRM.org.READ\"]}]}]}";

    ScopeManifest read = ScopeManifest.read(new ByteArrayInputStream(compact.getBytes(StandardCharsets.UTF_8)), "x");

    assertThat(read.apis()).singleElement().satisfies(c -> {
      assertThat(c.interfaceName()).isEqualTo("a.B");
      assertThat(c.methods()).containsExactly(method("m", "GET", "/crm/v8/org", "ZohoCRM.org.READ", "", ""));
    });
  }

  @Test
  void refusesWhatIsNotAScopeManifestNamingTheSource() {
    assertThatThrownBy(() -> ScopeManifest.parse("{\"format\": \"zohokit-scopes\", \"clients\": [", "a.jar"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the scope manifest a.jar is not valid JSON: expected a value at line 1, column 42, found the end of the text");
    assertThatThrownBy(() -> ScopeManifest.parse("{\"format\": \"something-else\"}", "b.jar"))
        .hasMessage("the scope manifest b.jar is not a zohokit scope manifest");
    assertThatThrownBy(() -> ScopeManifest.parse("[1]", "c.jar"))
        .hasMessage("the scope manifest c.jar is not a zohokit scope manifest");
    assertThatThrownBy(() -> ScopeManifest.parse("{\"format\": \"zohokit-scopes\", \"clients\": {}}", "d.jar"))
        .hasMessage("the scope manifest d.jar has a \"clients\" that is not an array");
    assertThatThrownBy(() -> ScopeManifest.parse("{\"format\": \"zohokit-scopes\", \"clients\": [{\"methods\": "
        + "[{\"scopes\": [\"ZohoCRM.leads\"]}]}]}", "e.jar"))
        .hasMessageContaining("malformed Zoho scope 'ZohoCRM.leads'");
  }

  @Test
  void loadMergesEveryManifestTheClassLoaderSees(@TempDir Path dir) throws Exception {
    for (String name : List.of("one", "two")) {
      Path file = dir.resolve(name).resolve(ScopeManifest.RESOURCE);
      Files.createDirectories(file.getParent());
      Files.writeString(file, ScopeManifest.of(List.of(new ScopeManifest.Api("com.example." + name + ".Api",
          List.of(method("m", "GET", "/crm/v8/users", "ZohoCRM.users.READ", "method", "documented")), null)))
          .toJson());
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("one").toUri().toURL(),
        dir.resolve("two").toUri().toURL()}, null)) {
      ScopeManifest all = ScopeManifest.load(loader);

      assertThat(all.apis()).extracting(ScopeManifest.Api::interfaceName)
          .containsExactly("com.example.one.Api", "com.example.two.Api");
      assertThat(all.apis().get(1).source()).endsWith("two/" + ScopeManifest.RESOURCE);
      assertThat(Scope.join(all.scopes())).isEqualTo("ZohoCRM.users.READ");
      assertThat(ScopeManifest.load(new URLClassLoader(new URL[0], null)).isEmpty()).isTrue();
    }
  }

  @Test
  void aClientIsFoundByItsInterface() {
    ScopeManifest manifest = ScopeManifest.of(List.of(new ScopeManifest.Api(ScopeManifestTest.class
        .getCanonicalName(), List.of(), "here")));

    assertThat(manifest.api(ScopeManifestTest.class)).map(ScopeManifest.Api::source).contains("here");
    assertThat(manifest.api(String.class)).isEmpty();
    assertThat(manifest.plus(ScopeManifest.empty()).apis()).hasSize(1);
  }

  @Test
  void jsonStringsAreReadWithEveryEscape() {
    assertThat(ManifestJson.parse(" \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\" ")).isEqualTo("a\"b\\c/d\b\f\n\r\té");
    assertThat(ManifestJson.quote("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
    assertThatThrownBy(() -> ManifestJson.parse("\"a\\x\"")).hasMessageContaining("expected an escape");
    assertThatThrownBy(() -> ManifestJson.parse("{} {}")).hasMessageContaining("expected the end of the text");
    assertThatThrownBy(() -> ManifestJson.parse("{\"a\" 1}")).hasMessageContaining("expected ':'");
    assertThatThrownBy(() -> ManifestJson.parse("[1,]")).hasMessageContaining("expected a value");
    assertThatThrownBy(() -> ManifestJson.parse("-")).hasMessageContaining("expected a number");
  }
}
