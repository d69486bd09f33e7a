package io.github.zohokit.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

/**
 * The scope manifest of a dependency ({@code META-INF/zoho/scopes.json} in any jar on the class path) is input
 * zohokit does not control: whatever its bytes, {@link ScopeManifest#read} returns a manifest or throws the
 * {@link IllegalArgumentException} it documents, naming the source. Never another exception (a stack overflow on
 * deep nesting, an index out of bounds on a cut escape), never a hang.
 *
 * <p>Seeds: {@code src/test/resources/io/github/zohokit/scope/ScopeManifestFuzzTestInputs/manifest/}, manifests as
 * the processor writes them and broken ones. Fuzzed by {@code JAZZER_FUZZ=1} (see CONTRIBUTING.md, "Fuzzing").
 */
class ScopeManifestFuzzTest {
  private static final String SOURCE = "jar:file:/deps/some-api.jar!/" + ScopeManifest.RESOURCE;

  @FuzzTest
  void manifest(byte[] input) throws Exception {
    ScopeManifest manifest;
    try {
      manifest = ScopeManifest.read(new java.io.ByteArrayInputStream(input), SOURCE);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).as("the message names the manifest").contains(SOURCE);
      return;
    }
    // what parses survives the round trip the processor and the plugin make: written again, it reads back the same
    String written = manifest.toJson();
    assertThat(ScopeManifest.parse(written, SOURCE).toJson()).isEqualTo(written);
  }

  /** Found by this target: a malformed scope's message did not name the manifest (its seed: malformed-scope.json). */
  @Test
  void aMalformedScopeNamesTheManifest() {
    assertThatThrownBy(() -> ScopeManifest.parse("{\"format\":\"zohokit-scopes\",\"clients\":[{\"interface\":\"a.B\","
        + "\"methods\":[{\"name\":\"m\",\"scopes\":[1]}]}]}", "x.jar"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the scope manifest x.jar has a malformed scope: malformed Zoho scope '1'");
  }

  /** Found by this target: 4,000 nested arrays overflowed the reader's stack (seed: deep-nesting.json). */
  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    assertThatThrownBy(() -> ScopeManifest.parse("[".repeat(100_000), "y.jar"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the scope manifest y.jar is not valid JSON: expected at most 64 nested arrays and "
            + "objects at line 1, column 65");
    // the limit leaves room: the processor's manifests are five levels deep
    assertThat(ScopeManifest.parse("{\"format\":\"zohokit-scopes\",\"x\":" + "[".repeat(63) + "]".repeat(63) + "}",
        "z.jar").apis()).isEmpty();
  }
}
