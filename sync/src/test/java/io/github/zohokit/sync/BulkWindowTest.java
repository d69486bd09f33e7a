package io.github.zohokit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zohokit.Zoho;
import io.github.zohokit.testkit.FakeClock;
import io.github.zohokit.testkit.FakeSync;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More records in one {@code Modified_Time} second than Zoho's page token reaches (100,000; lowered to 400 here): the
 * sync reads that second with Bulk Read, delivers each version once in list shape, and resumes safely.
 */
class BulkWindowTest {
  private static final DataCenter US = DataCenter.US;
  private static final List<String> FIELDS = List.of("Last_Name", "Email", "Company", "Owner", "Phone");
  /** Between the seeded leads' times (a minute apart from 09:30), on a second none of them has. */
  private static final OffsetDateTime FULL_SECOND = OffsetDateTime.of(2026, 1, 5, 11, 30, 30, 0,
      ZoneOffset.ofHoursMinutes(5, 30));
  private static final String BULK_JOBS = "crm:POST /crm/bulk/v8/read";

  @TempDir
  Path dir;

  private FakeZoho fake;
  private FakeSync zohoData;
  private Zoho zoho;
  private FileSyncStateStore store;

  @BeforeEach
  void start() {
    fake = FakeZoho.builder().dataCenters(US).seedLeads(0).start();
    zohoData = fake.sync();
    zoho = Fixtures.connect(fake);
    store = new FileSyncStateStore(dir);
    zohoData.pageTokenRecordLimit(400);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private IncrementalSync leads() {
    return IncrementalSync.builder(zoho, "Leads").fields(FIELDS).stateStore(store).clock(new FakeClock())
        .sleeper(d -> fake.advanceClock(d)).build();
  }

  /** 100 leads before the full second, 700 in it (one of them converted), 200 after. */
  private List<String> seedAFullSecond() {
    List<String> ids = zohoData.seed(US, "Leads", 1_000);
    zohoData.convertLead(US, ids.get(700)); // read by Bulk Read: the page token reaches 400 of the 700
    zohoData.setModifiedTime(US, "Leads", ids.subList(100, 800), FULL_SECOND);
    return ids;
  }

  private Map<String, JsonNode> zohoRecords(String module) {
    return zohoData.records(US, module).stream().collect(Collectors.toMap(r -> r.path("id").asText(), r -> r));
  }

  private long pageTokenRequests() {
    return fake.requests().stream().filter(c -> c.path().startsWith("/crm/v8/") && c.params().containsKey("page_token"))
        .count();
  }

  /** Every field of every Zoho record as the target holds it, in the list's shape. */
  private static void assertTargetEqualsZoho(Fixtures.Target target, Map<String, JsonNode> zoho, List<String> fields) {
    assertThat(target.rows.keySet()).isEqualTo(zoho.keySet());
    for (JsonNode record : zoho.values()) {
      SyncRecord copy = target.rows.get(record.path("id").asText());
      assertThat(copy.modifiedTime()).isEqualTo(OffsetDateTime.parse(record.path("Modified_Time").asText()));
      for (String field : fields) {
        JsonNode value = record.path(field);
        if (value.isObject()) {
          assertThat(copy.data().get(field).isObject()).as(field).isTrue();
          assertThat(copy.text(field)).as(field).isEqualTo(value.path("id").asText());
        } else if (value.isMissingNode() || value.isNull()) {
          assertThat(copy.data().get(field).isNull()).as(field + " of " + copy.id()).isTrue();
        } else {
          assertThat(copy.data().get(field)).as(field + " of " + copy.id()).isEqualTo(value);
        }
      }
    }
  }

  @Test
  void aSecondBeyondThePageTokensReachIsReadWithBulkReadAndEveryRecordIsDeliveredOnceInListShape() {
    seedAFullSecond();
    List<OffsetDateTime> order = new ArrayList<>();
    Fixtures.Target target = new Fixtures.Target();

    SyncReport report = leads().run(batch -> {
      batch.upserts().forEach(r -> order.add(r.modifiedTime()));
      target.handle(batch);
    });

    assertTargetEqualsZoho(target, zohoRecords("Leads"), List.of("Last_Name", "Email", "Company", "Owner", "Phone",
        "Converted__s", "Modified_Time"));
    assertThat(target.deliveries.values()).allMatch(n -> n == 1);
    assertThat(order).isSortedAccordingTo(OffsetDateTime::compareTo);
    assertThat(fake.count(BULK_JOBS)).isEqualTo(1);
    assertThat(report.upserted()).isEqualTo(1_000);
    // every call 1 credit, except the Bulk Read job (50) and its download (counted 0, as BulkRead counts it)
    assertThat(report.credits()).isEqualTo(report.requests() - 2 + 50);
    assertThat(report.requests()).isEqualTo(fake.requests().stream().filter(c -> c.path().startsWith("/crm/"))
        .count());

    SyncReport again = leads().run(target);
    assertThat(again.upserted()).isZero();
    assertThat(fake.count(BULK_JOBS)).isEqualTo(1);
  }

  @Test
  void anIncrementalRunReadsAFullSecondWithBulkReadAndNumbersKeepTheirListType() {
    List<String> ids = zohoData.seed(US, "Deals", 1_000);
    IncrementalSync deals = IncrementalSync.builder(zoho, "Deals").fields(List.of("Deal_Name", "Stage", "Amount"))
        .stateStore(store).clock(new FakeClock()).sleeper(d -> fake.advanceClock(d)).build();
    Fixtures.Target target = new Fixtures.Target();
    deals.run(target);
    assertThat(fake.count(BULK_JOBS)).isZero();

    OffsetDateTime now = zohoData.now();
    zohoData.update(US, "Deals", ids.get(500), Map.of("Stage", "Closed Won", "Amount", 12_345.5));
    zohoData.setModifiedTime(US, "Deals", ids.subList(200, 900), now);
    zohoData.setModifiedTime(US, "Deals", ids.subList(950, 960), now.plusSeconds(10));
    SyncReport report = deals.run(target);

    assertThat(report.upserted()).isEqualTo(710);
    assertThat(fake.count(BULK_JOBS)).isEqualTo(1);
    assertTargetEqualsZoho(target, zohoRecords("Deals"), List.of("Deal_Name", "Stage", "Amount"));
    assertThat(target.rows.get(ids.get(500)).data().get("Amount").isNumber()).isTrue();
    assertThat(target.deliveries.values()).allMatch(n -> n <= 2); // the first load's version and the new one
    assertThat(deals.run(target).upserted()).isZero();
  }

  @Test
  void aHandlerFailingInTheBulkWindowLosesNothingAndTheNextRunGoesStraightToBulkRead() {
    seedAFullSecond();
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads();
    assertThatThrownBy(() -> sync.run(batch -> {
      if (fake.count(BULK_JOBS) > 0) {
        throw new IllegalStateException("target database down");
      }
      target.handle(batch);
    })).isInstanceOf(SyncException.class).hasMessageContaining("target database down")
        .hasMessageContaining("comes again");
    assertThat(target.rows).hasSize(500); // 100 before the second, and the 400 the page token reached

    fake.resetObservations();
    sync.run(target);

    assertTargetEqualsZoho(target, zohoRecords("Leads"), FIELDS);
    assertThat(pageTokenRequests()).isZero(); // the cursor named the second: no paging up to the limit again
    assertThat(fake.count(BULK_JOBS)).isEqualTo(1);
    assertThat(sync.run(target).upserted()).isZero();
  }

  @Test
  void aBulkReadJobEndingInFailureIsAClearErrorAndRunningAgainCompletesTheCopy() {
    seedAFullSecond();
    zohoData.failNextBulkJobs(1);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads();

    assertThatThrownBy(() -> sync.run(target)).isInstanceOf(SyncException.class)
        .hasMessageContaining("Leads").hasMessageContaining(FULL_SECOND.toString())
        .hasMessageContaining("FAILURE").hasMessageContaining("run the sync again")
        .extracting(e -> ((SyncException) e).code()).isEqualTo("INTERNAL_SERVER_ERROR");
    Set<String> before = Set.copyOf(target.rows.keySet());
    assertThat(before).hasSize(500);

    fake.resetObservations();
    sync.run(target);

    assertTargetEqualsZoho(target, zohoRecords("Leads"), FIELDS);
    assertThat(target.deliveries.values()).allMatch(n -> n == 1);
    assertThat(pageTokenRequests()).isZero();
  }
}
