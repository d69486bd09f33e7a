package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zohokit.FilePart;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.ZohoDownload;
import io.github.zohokit.annotation.Delete;
import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Part;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.token.DataCenter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A lead's attachments and photo, uploaded and downloaded through a user-written annotated interface. */
class AttachmentsAgainstFakeTest {
  @RegisterExtension
  static final FakeZohoExtension ZOHO = FakeZohoExtension.perClass();
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, (byte) 0xff};

  /** Zoho's Attachments and record photo APIs for leads, as a user declares them. */
  @ZohoScope("ZohoCRM.modules.ALL")
  interface LeadFiles {
    @Post("/crm/v8/Leads/{id}/Attachments")
    ActionResult attach(@Path("id") String lead, @Part("file") FilePart file);

    @Post("/crm/v8/Leads/{id}/Attachments")
    ActionResult attach(@Path("id") String lead, @Part("file") java.nio.file.Path file);

    @Get("/crm/v8/Leads/{id}/Attachments")
    JsonNode attachments(@Path("id") String lead, @Query("fields") String fields);

    @Get("/crm/v8/Leads/{id}/Attachments/{attachment_id}")
    ZohoDownload download(@Path("id") String lead, @Path("attachment_id") String attachment);

    @Get("/crm/v8/Leads/{id}/Attachments/{attachment_id}")
    InputStream open(@Path("id") String lead, @Path("attachment_id") String attachment);

    @Delete("/crm/v8/Leads/{id}/Attachments/{attachment_id}")
    ActionResult delete(@Path("id") String lead, @Path("attachment_id") String attachment);

    @Post("/crm/v8/Leads/{id}/photo")
    JsonNode uploadPhoto(@Path("id") String lead, @Part("file") FilePart image);

    @Get("/crm/v8/Leads/{id}/photo")
    Optional<byte[]> photo(@Path("id") String lead);

    @Get("/crm/v8/Leads/{id}/photo")
    ZohoDownload photoDownload(@Path("id") String lead);

    @Delete("/crm/v8/Leads/{id}/photo")
    JsonNode deletePhoto(@Path("id") String lead);
  }

  @TempDir
  java.nio.file.Path dir;
  private FakeZoho fake;
  private LeadFiles files;
  private String lead;

  @BeforeEach
  void connect() {
    fake = ZOHO.fake();
    files = FakeConnections.connect(fake, List.of("ZohoCRM.modules.ALL")).api(LeadFiles.class);
    lead = fake.sync().seed(DataCenter.US, "Leads", 1).get(0);
  }

  @Test
  void anAttachmentGoesUpAndComesBackWithItsName() throws Exception {
    java.nio.file.Path report = dir.resolve("report ü.csv");
    Files.writeString(report, "a,b\r\n1,2\r\n");

    ActionResult fromPath = files.attach(lead, report);
    ActionResult fromBytes = files.attach(lead, FilePart.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(fromPath.isSuccess()).isTrue();
    assertThat(fromBytes.id()).isNotEqualTo(fromPath.id());

    JsonNode listed = files.attachments(lead, "File_Name,Size");
    assertThat(listed.path("data")).hasSize(2);
    assertThat(listed.path("data").path(0).path("File_Name").asText()).isEqualTo("report ü.csv");
    try (ZohoDownload download = files.download(lead, fromPath.id())) {
      assertThat(download.fileName()).hasValue("report ü.csv");
      assertThat(download.contentType()).hasValue("text/csv");
      assertThat(new String(download.bytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\r\n1,2\r\n");
    }
    try (InputStream in = files.open(lead, fromBytes.id())) {
      assertThat(in.readAllBytes()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(files.delete(lead, fromBytes.id()).isSuccess()).isTrue();
    assertThatThrownBy(() -> files.open(lead, fromBytes.id())).isInstanceOf(ZohoApiException.class)
        .hasMessageContaining("HTTP 400 INVALID_DATA");
  }

  @Test
  void aPhotoIsEmptyUntilUploaded() {
    assertThat(files.photo(lead)).as("204: no photo").isEmpty();
    try (ZohoDownload none = files.photoDownload(lead)) {
      assertThat(none.status()).isEqualTo(204);
    }

    JsonNode uploaded = files.uploadPhoto(lead, FilePart.of("lead.png", PNG).withContentType("image/png"));
    assertThat(uploaded.path("code").asText()).isEqualTo("SUCCESS");
    assertThat(files.photo(lead)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(PNG));
    try (ZohoDownload photo = files.photoDownload(lead)) {
      assertThat(photo.contentType()).hasValue("image/png");
    }

    files.deletePhoto(lead);
    assertThat(files.photo(lead)).isEmpty();
  }

  @Test
  void zohosErrorsOnFileEndpointsAreExceptions() {
    assertThatThrownBy(() -> files.uploadPhoto(lead, FilePart.of("notes.txt", new byte[] {1})))
        .isInstanceOf(ZohoApiException.class).hasMessageContaining("INVALID_DATA");
    assertThatThrownBy(() -> files.photo("5725767000000000001")).isInstanceOf(ZohoApiException.class)
        .hasMessageContaining("HTTP 400 INVALID_DATA");
    assertThatThrownBy(() -> files.attachments(lead, null)).isInstanceOf(ZohoApiException.class)
        .hasMessageContaining("REQUIRED_PARAM_MISSING");
  }
}
