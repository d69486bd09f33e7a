package io.github.zohokit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zohokit.Zoho;
import io.github.zohokit.testkit.Fault;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk Write against the fake: splitting, upload headers, per-row outcomes, upsert. */
class BulkWriteTest {
  private static final DataCenter US = DataCenter.US;

  private FakeZoho fake;
  private Zoho zoho;

  @BeforeEach
  void start() {
    fake = FakeZoho.builder().dataCenters(US).seedLeads(0).start();
    zoho = Fixtures.connect(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private BulkWrite.Builder leads() {
    return BulkWrite.builder(zoho, "Leads").columns(List.of("Last_Name", "Email", "Company"))
        .sleeper(d -> fake.advanceClock(d));
  }

  @Test
  void rowsPastZohos25000PerFileAreSplitIntoJobsAndEveryRowIsReported() {
    List<List<String>> rows = IntStream.range(0, 25_010)
        .mapToObj(i -> List.of("Lee " + i, "lee" + i + "@example.com", "Zylker")).collect(Collectors.toList());
    List<BulkWriteOutcome> outcomes = new ArrayList<>();

    BulkWrite.Summary summary = leads().build().write(rows.iterator(), outcomes::add);

    assertThat(summary.jobs()).hasSize(2);
    assertThat(summary.added()).isEqualTo(25_010);
    assertThat(outcomes).hasSize(25_010).allMatch(BulkWriteOutcome::succeeded);
    assertThat(outcomes.get(25_009).row()).isEqualTo(25_010);
    assertThat(fake.count("crm:POST /crm/bulk/v8/write")).isEqualTo(2); // one job per file, none twice
    assertThat(fake.records(US, "Leads")).hasSize(25_010);
  }

  @Test
  void aCompletedJobWithRejectedRowsReportsEachRowsErrorsAndColumns() {
    List<List<String>> rows = List.of(List.of("Good", "good@example.com", "A"), List.of("", "nolast@example.com", "B"),
        List.of("Bad Email", "not-an-email", "C"));
    List<BulkWriteOutcome> outcomes = new ArrayList<>();

    BulkWrite.Summary summary = leads().build().write(rows.iterator(), outcomes::add);

    assertThat(summary.added()).isEqualTo(1);
    assertThat(summary.skipped()).isEqualTo(2);
    assertThat(outcomes.get(0).recordId()).containsOnlyDigits();
    assertThat(outcomes.get(1).status()).isEqualTo(BulkWriteOutcome.Status.SKIPPED);
    assertThat(outcomes.get(1).errors()).containsExactly(new BulkWriteOutcome.Error("MANDATORY_NOT_FOUND",
        List.of("Last_Name")));
    assertThat(outcomes.get(2).errors()).containsExactly(new BulkWriteOutcome.Error("INVALID_DATA", List.of("Email")));
  }

  @Test
  void anUpsertByEmailUpdatesExistingRecordsAndAddsTheOthers() {
    leads().build().write(List.of(List.of("Old", "ann@example.com", "Before")).iterator(), o -> { });
    List<BulkWriteOutcome> outcomes = new ArrayList<>();

    BulkWrite.Summary summary = leads().operation(BulkWrite.Operation.UPSERT, "Email").build()
        .write(List.of(List.of("Lee", "ann@example.com", "After"), List.of("New", "new@example.com", "X")).iterator(),
            outcomes::add);

    assertThat(summary.updated()).isEqualTo(1);
    assertThat(summary.added()).isEqualTo(1);
    List<JsonNode> records = fake.records(US, "Leads");
    assertThat(records).hasSize(2);
    assertThat(records.get(0).path("Company").asText()).isEqualTo("After");
    assertThat(outcomes.get(0).recordId()).isEqualTo(records.get(0).path("id").asText());
  }

  @Test
  void anUpdateWithoutFindByIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> leads().operation(BulkWrite.Operation.UPDATE, null).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("find_by");
    assertThat(fake.requests()).noneMatch(c -> c.path().contains("bulk") || c.path().contains("upload"));
  }

  @Test
  void aJobCreationWhoseAnswerIsLostIsNeverSentAgain() {
    fake.failNextRequest("POST", "/crm/bulk/v8/write", Fault.dropConnection());
    List<List<String>> rows = List.of(List.of("Lee", "lee@example.com", "Zylker"));

    assertThatThrownBy(() -> leads().build().write(rows.iterator(), o -> { }))
        .isInstanceOf(SyncException.class)
        .hasMessageContaining("failed after the request may have reached Zoho")
        .hasMessageContaining("It was not sent again")
        .hasMessageContaining("check Zoho's import history");
    long creates = fake.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().equals("/crm/bulk/v8/write")).count();
    assertThat(creates).isEqualTo(1); // neither zoho-sync nor the HTTP client sent it a second time
    assertThat(fake.requests().stream().filter(r -> r.path().equals("/crm/v8/upload")).count()).isEqualTo(1);
    assertThat(fake.records(US, "Leads")).isEmpty();
  }
}
