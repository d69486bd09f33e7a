package io.github.zohokit.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.FilePart;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.ZohoDownload;
import io.github.zohokit.testing.Calls;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Binary answers (204 and 304 included) and multipart forms, as generated methods send and read them. */
class ZohoCallBinaryTest {
  private static final Route PHOTO = Calls.route("GET", "/crm/v8/Leads/{id}/photo", "ZohoCRM.modules.leads.READ");
  private static final Route UPLOAD = Calls.route("POST", "/crm/v8/Leads/{id}/photo", "ZohoCRM.modules.leads.ALL");

  private final MockWebServer api = new MockWebServer();
  private ZohoCalls calls;

  @BeforeEach
  void start() throws Exception {
    api.start();
    calls = Calls.against(api.url("/").toString());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ZohoCall photo() {
    return calls.start(PHOTO).path("id", "1").header("If-Modified-Since", "2026-12-01T10:00:00+00:00");
  }

  @Test
  void noContentIsAnEmptyStreamEmptyBytesAndAnEmptyDownload() throws Exception {
    api.enqueue(new MockResponse.Builder().code(204).build());
    api.enqueue(new MockResponse.Builder().code(204).build());
    api.enqueue(new MockResponse.Builder().code(204).build());

    try (InputStream in = photo().fetchStream()) {
      assertThat(in.readAllBytes()).isEmpty();
    }
    assertThat(photo().fetch(Decoder.bytes())).isEmpty();
    try (ZohoDownload download = photo().fetchDownload()) {
      assertThat(download.status()).isEqualTo(204);
      assertThat(download.bytes()).isEmpty();
    }
  }

  @Test
  void notModifiedIsADownloadThatSaysSoAndAnErrorForAStreamOrBytes() {
    api.enqueue(new MockResponse.Builder().code(304).build());
    api.enqueue(new MockResponse.Builder().code(304).build());
    api.enqueue(new MockResponse.Builder().code(304).build());
    api.enqueue(new MockResponse.Builder().code(304).build());

    try (ZohoDownload download = photo().fetchDownload()) {
      assertThat(download.notModified()).isTrue();
      assertThat(download.bytes()).isEmpty();
    }
    assertThat(photo().fetchOptional(Decoder.bytes())).isEmpty();
    assertThatThrownBy(() -> photo().fetchStream()).isInstanceOf(ZohoApiException.class)
        .hasMessageContaining("HTTP 304").hasMessageContaining("ZohoDownload for a file");
    assertThatThrownBy(() -> photo().fetch(Decoder.bytes())).isInstanceOf(ZohoApiException.class)
        .hasMessageContaining("HTTP 304");
  }

  @Test
  void theBodyIsReturnedAsSentWithItsHeaders() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
    api.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
        .setHeader("Content-Disposition", "attachment; filename=\"lead.png\"").body(new okio.Buffer().write(png))
        .build());

    try (ZohoDownload download = photo().fetchDownload()) {
      assertThat(download.contentType()).hasValue("image/png");
      assertThat(download.fileName()).hasValue("lead.png");
      assertThat(download.contentLength()).hasValue(png.length);
      assertThat(download.body().readAllBytes()).isEqualTo(png);
    }
  }

  @Test
  void bytesComeWithoutAThreadWaitingToo() throws Exception {
    api.enqueue(new MockResponse.Builder().code(200).body(new okio.Buffer().write(new byte[] {7, 8, 9})).build());
    api.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
        .body("{\"code\":\"INVALID_URL_PATTERN\",\"details\":{},\"message\":\"no\",\"status\":\"error\"}")
        .build());

    assertThat(photo().fetchAsync(Decoder.bytes()).get()).containsExactly(7, 8, 9);
    assertThatThrownBy(() -> photo().fetchAsync(Decoder.bytes()).join())
        .hasCauseInstanceOf(ZohoApiException.class).hasMessageContaining("INVALID_URL_PATTERN");
  }

  @Test
  void aMultipartFormCarriesFileAndTextPartsWithTheBoundaryOkHttpSets() throws Exception {
    api.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"code\":\"SUCCESS\",\"status\":\"success\"}").build());

    String answer = calls.start(UPLOAD).path("id", "1").header("X-CRM-ORG", "700000000")
        .part("file", FilePart.of("lead.png", new byte[] {1, 2, 3}).withContentType("image/png"))
        .part("copy", new ByteArrayInputStream("stream".getBytes(StandardCharsets.UTF_8)))
        .textPart("note", "hello").textPart("skipped", null).fetch(Decoder.text());

    assertThat(answer).contains("SUCCESS");
    RecordedRequest sent = api.takeRequest();
    String type = sent.getHeaders().get("Content-Type");
    assertThat(type).startsWith("multipart/form-data; boundary=");
    assertThat(sent.getHeaders().get("X-CRM-ORG")).isEqualTo("700000000");
    String body = sent.getBody().utf8();
    assertThat(body)
        .contains("Content-Disposition: form-data; name=\"file\"; filename=\"lead.png\"\r\nContent-Type: image/png")
        .contains("Content-Disposition: form-data; name=\"copy\"; filename=\"copy\"\r\n"
            + "Content-Type: application/octet-stream")
        .contains("stream")
        .contains("Content-Disposition: form-data; name=\"note\"\r\n\r\nhello")
        .doesNotContain("skipped");
  }

  @Test
  void aNullFilePartThrowsBeforeAnythingIsSent() {
    assertThatThrownBy(() -> calls.start(UPLOAD).path("id", "1").part("file", (byte[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("the @Part(\"file\") argument of POST /crm/v8/Leads/{id}/photo is null");
    assertThat(api.getRequestCount()).isZero();
  }
}
