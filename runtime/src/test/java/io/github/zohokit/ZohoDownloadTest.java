package io.github.zohokit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The file name a download gives, read from Content-Disposition as RFC 6266 says. */
class ZohoDownloadTest {

  private static ZohoDownload with(String disposition) {
    return new ZohoDownload(200, Headers.of("Content-Disposition", disposition), new ByteArrayInputStream(new byte[0]));
  }

  @Test
  void plainQuotedAndExtendedFileNames() {
    assertThat(with("attachment; filename=5725767000001234.zip").fileName()).hasValue("5725767000001234.zip");
    assertThat(with("attachment; filename=\"Leads; 2026.zip\"").fileName()).hasValue("Leads; 2026.zip");
    assertThat(with("attachment; filename=\"plain.txt\"; filename*=UTF-8''na%C3%AFve%20file.txt").fileName())
        .as("filename* wins").hasValue("naïve file.txt");
    assertThat(with("attachment; FILENAME*=utf-8''a%2Bb.pdf").fileName()).hasValue("a+b.pdf");
  }

  @Test
  void noPathLeavesTheName() {
    assertThat(with("attachment; filename=\"../../etc/passwd\"").fileName()).hasValue("passwd");
    assertThat(with("attachment; filename=\"C:\\\\temp\\\\x.zip\"").fileName()).hasValue("x.zip");
    assertThat(with("attachment; filename=\"..\"").fileName()).isEmpty();
  }

  @Test
  void withoutAFileName() {
    assertThat(with("inline").fileName()).isEmpty();
    assertThat(with("attachment; filename*=garbage").fileName()).isEmpty();
    assertThat(new ZohoDownload(204, Headers.of(), new ByteArrayInputStream(new byte[0])).fileName()).isEmpty();
  }
}
