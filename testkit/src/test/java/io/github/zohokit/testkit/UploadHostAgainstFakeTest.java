package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zohokit.FilePart;
import io.github.zohokit.Zoho;
import io.github.zohokit.annotation.Header;
import io.github.zohokit.annotation.Host;
import io.github.zohokit.annotation.Part;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.ZohoHost;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.v8.OrgApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A method sent to Zoho's file-upload host ({@code @Host(ZohoHost.FILE_UPLOAD)}) against the fake: the fake's API
 * base is a loopback address, which is its own upload host, so the upload reaches it there.
 */
class UploadHostAgainstFakeTest {
  @RegisterExtension
  static final FakeZohoExtension ZOHO = FakeZohoExtension.perClass();

  interface Uploads {
    @Post("/crm/v8/upload")
    @Host(ZohoHost.FILE_UPLOAD)
    @ZohoScope({"ZohoFiles.files.ALL", "ZohoCRM.bulk.CREATE"})
    JsonNode upload(@Part("file") FilePart zip, @Header("feature") String feature, @Header("X-CRM-ORG") String org);
  }

  @Test
  void anUploadToTheFileUploadHostReachesTheFakeOnItsApiAddress() {
    FakeZoho fake = ZOHO.fake();
    Zoho zoho = FakeConnections.connect(fake, List.of("ZohoCRM.bulk.ALL", "ZohoFiles.files.ALL", "ZohoCRM.org.READ"));
    String org = zoho.api(OrgApi.class).get().zgid();
    // an empty ZIP archive: the end-of-central-directory record alone
    byte[] zip = {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    JsonNode uploaded = zoho.api(Uploads.class).upload(FilePart.of("Contacts.zip", zip)
        .withContentType("application/zip"), "bulk-write", org);

    assertThat(uploaded.path("code").asText()).isEqualTo("FILE_UPLOAD_SUCCESS");
    assertThat(uploaded.path("details").path("file_id").asText()).isNotEmpty();
    assertThat(fake.requests()).anyMatch(c -> c.method().equals("POST") && c.path().equals("/crm/v8/upload"));
  }
}
