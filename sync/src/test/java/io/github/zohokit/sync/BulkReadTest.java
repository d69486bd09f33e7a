package io.github.zohokit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.Zoho;
import io.github.zohokit.testkit.FakeClock;
import io.github.zohokit.testkit.FakeSync;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk Read jobs against the fake: chained jobs, criteria, failures, cut downloads, the download limit, checkpoints. */
class BulkReadTest {
  private static final DataCenter US = DataCenter.US;

  private FakeZoho fake;
  private FakeSync zohoData;
  private Zoho zoho;
  private FakeClock clock;

  @BeforeEach
  void start() {
    fake = FakeZoho.builder().dataCenters(US).seedLeads(0).start();
    zohoData = fake.sync();
    zoho = Fixtures.connect(fake);
    clock = new FakeClock();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private BulkRead.Builder leads() {
    return BulkRead.builder(zoho, "Leads").fields(List.of("Last_Name", "Email", "Owner", "Modified_Time"))
        .sleeper(d -> fake.advanceClock(d)).clock(clock)
        .downloadLimiter(new DownloadLimiter(10, new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return zohoData.now().toInstant(); // the fake's clock (to the second, as Zoho's times are)
          }
        }));
  }

  private Set<String> zohoIds() {
    return zohoData.records(US, "Leads").stream().map(r -> r.path("id").asText()).collect(Collectors.toSet());
  }

  @Test
  void anExportFollowsNextPageTokensThroughEveryJobAndTypesTheCells() {
    zohoData.seed(US, "Leads", 2_500).forEach(id -> { });
    zohoData.bulkReadRecordsPerJob(1_000);
    Map<String, Integer> seen = new HashMap<>();
    List<BulkReadCheckpoint> checkpoints = new ArrayList<>();

    long rows = leads().build().run(row -> {
      seen.merge(row.id(), 1, Integer::sum);
      assertThat(row.lookupId("Owner")).containsOnlyDigits();
      assertThat(row.dateTime("Modified_Time")).isNotNull();
    }, checkpoints::add);

    assertThat(rows).isEqualTo(2_500);
    assertThat(seen.keySet()).isEqualTo(zohoIds());
    assertThat(seen.values()).allMatch(n -> n == 1);
    assertThat(checkpoints).hasSize(2);
    assertThat(fake.count("crm:POST /crm/bulk/v8/read")).isEqualTo(3);
  }

  @Test
  void criteriaSelectTheRecordsAndDateTimesCarryNoMilliseconds() {
    List<String> ids = zohoData.seed(US, "Leads", 100);
    OffsetDateTime since = OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    zohoData.setModifiedTime(US, "Leads", ids.subList(0, 7), since.plusDays(1));
    List<String> exported = new ArrayList<>();

    leads().criteria(Criterion.and(Criterion.dateTime("Modified_Time").greaterEqual(since),
        Criterion.text("Email").contains("@example.com"))).build().run(row -> exported.add(row.id()), null);

    assertThat(exported).containsExactlyInAnyOrderElementsOf(ids.subList(0, 7));
    assertThatThrownBy(() -> Criterion.dateTime("Modified_Time").greaterEqual(since.plusNanos(5_000_000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fractions of a second");
  }

  @Test
  void aJobEndingInFailureIsAClearErrorWithZohosCode() {
    zohoData.seed(US, "Leads", 10);
    zohoData.failNextBulkJobs(1);

    assertThatThrownBy(() -> leads().build().run(row -> { }, null))
        .isInstanceOf(SyncException.class).hasMessageContaining("FAILURE")
        .hasMessageContaining("INTERNAL_SERVER_ERROR")
        .extracting(e -> ((SyncException) e).code()).isEqualTo("INTERNAL_SERVER_ERROR");
  }

  @Test
  void aDownloadCutMidwayIsFetchedAgainAndNoRowIsLostOrRepeated() {
    zohoData.seed(US, "Leads", 3_000);
    zohoData.cutNextDownloads(1);
    Map<String, Integer> seen = new HashMap<>();

    long rows = leads().build().run(row -> seen.merge(row.id(), 1, Integer::sum), null);

    assertThat(rows).isEqualTo(3_000);
    assertThat(seen.keySet()).isEqualTo(zohoIds());
    assertThat(seen.values()).allMatch(n -> n == 1);
    assertThat(fake.count("bulk:download")).isEqualTo(2);
  }

  @Test
  void downloadsStayWithinZohosLimitPerMinute() {
    zohoData.seed(US, "Leads", 60);
    zohoData.bulkReadRecordsPerJob(4); // 15 jobs, 15 downloads
    zohoData.bulkReadDownloadsPerMinute(10);
    zohoData.bulkJobPollsUntilDone(1); // no polling waits: the downloads come within seconds

    long rows = leads().build().run(row -> { }, null);

    assertThat(rows).isEqualTo(60);
    // no 429: the limiter waited (on the fake's clock) before the 11th download instead of being refused
    assertThat(fake.requests().stream().filter(c -> c.path().endsWith("/result")).count()).isEqualTo(15);
  }

  @Test
  void anExportResumesFromItsCheckpointAndRefusesOneOlderThan24Hours() {
    zohoData.seed(US, "Leads", 2_500);
    zohoData.bulkReadRecordsPerJob(1_000);
    BulkRead export = leads().build();
    List<BulkReadCheckpoint> saved = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    assertThatThrownBy(() -> export.run(row -> {
      if (seen.size() == 1_500) {
        throw new IllegalStateException("process killed");
      }
      seen.merge(row.id(), 1, Integer::sum);
    }, saved::add)).isInstanceOf(SyncException.class).hasMessageContaining("process killed");
    BulkReadCheckpoint checkpoint = BulkReadCheckpoint.fromJson(saved.get(saved.size() - 1).toJson());
    assertThat(checkpoint.rowsDelivered()).isEqualTo(1_000);
    assertThat(checkpoint.toString()).doesNotContain(checkpoint.pageToken());

    long total = export.resume(checkpoint, row -> seen.merge(row.id(), 1, Integer::sum), null);

    assertThat(total).isEqualTo(2_500);
    assertThat(seen.keySet()).isEqualTo(zohoIds());
    assertThat(seen.values().stream().filter(n -> n > 1).count()).isEqualTo(500); // the interrupted job's rows

    clock.advance(Duration.ofHours(25));
    assertThatThrownBy(() -> export.resume(checkpoint, row -> { }, null)).isInstanceOf(SyncException.class)
        .hasMessageContaining("24 hours");
  }

  @Test
  void aCellThatDoesNotFitItsTypeNamesTheJobLineAndColumn() {
    zohoData.seed(US, "Leads", 3);
    assertThatThrownBy(() -> leads().build().run(row -> row.number("Email"), null))
        .isInstanceOf(SyncException.class).hasMessageContaining("line 2").hasMessageContaining("column Email")
        .hasMessageContaining("is not a number");
  }
}
