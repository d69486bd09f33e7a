package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stamp of zoho:generate-records on its own: what its digest tells apart, what it keeps. */
class GenerationStampTest {
  @TempDir
  Path dir;

  private GenerationStamp stamp(Path... inputs) throws Exception {
    return GenerationStamp.of(dir.resolve("out"), "com.example", List.of("com.example"), List.of(inputs), List.of());
  }

  @Test
  void bytesMovedFromOneFileToTheNextAreAChange() throws Exception {
    Path org = dir.resolve("org.json");
    Path module = dir.resolve("Leads.json");
    String next = module.toAbsolutePath().normalize() + "\u0000";
    // without the files' lengths both pairs are the same stream: <org> org's bytes <module> module's bytes
    Files.writeString(org, "");
    Files.writeString(module, "x" + next + "y");
    stamp(org, module).write(List.of(), List.of());
    Files.writeString(org, next + "x");
    Files.writeString(module, "y");
    assertThat(stamp(org, module).upToDate(dir.resolve("out"))).isEmpty();
  }

  @Test
  void keepsWarningsOverSeveralLinesAndWithBackslashesAsTheyWere() throws Exception {
    Path org = Files.writeString(dir.resolve("org.json"), "{}");
    List<String> warnings = List.of("one\nline two\r\n", "a \\n that is not a line break\\", "");
    stamp(org).write(GenerationStamp.listing(dir.resolve("out")), warnings);
    assertThat(stamp(org).upToDate(dir.resolve("out"))).contains(warnings);
  }
}
