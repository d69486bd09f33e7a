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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The incremental sync against the fake Zoho: full load, changes, deletes, options, faults, the lease, and a second
 * holding more records than a page token reaches (read with Bulk Read).
 */
class IncrementalSyncTest {
  private static final DataCenter US = DataCenter.US;
  private static final List<String> FIELDS = List.of("Last_Name", "Email", "Company");
  /** For a second with more records than a page token reaches: a lookup and an empty field as well. */
  private static final List<String> WIDE_FIELDS = List.of("Last_Name", "Email", "Company", "Owner", "Phone");
  /** Between the seeded leads' times (a minute apart from 09:30), on a second none of them has. */
  private static final OffsetDateTime FULL_SECOND = OffsetDateTime.of(2026, 1, 5, 11, 30, 30, 0,
      ZoneOffset.ofHoursMinutes(5, 30));
  private static final String BULK_JOBS = "crm:POST /crm/bulk/v8/read";

  @TempDir
  Path dir;

  private FakeZoho fake;
  private FakeSync zohoData;
  private Zoho zoho;
  private FakeClock clock;
  private FileSyncStateStore store;

  @BeforeEach
  void start() {
    fake = FakeZoho.builder().dataCenters(US).seedLeads(0).start();
    zohoData = fake.sync();
    zoho = Fixtures.connect(fake);
    clock = new FakeClock();
    store = new FileSyncStateStore(dir);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private IncrementalSync.Builder leads() {
    return IncrementalSync.builder(zoho, "Leads").fields(FIELDS).stateStore(store).clock(clock)
        .sleeper(d -> fake.advanceClock(d));
  }

  private Set<String> zohoIds() {
    return zohoData.records(US, "Leads").stream().map(r -> r.path("id").asText()).collect(Collectors.toSet());
  }

  @Test
  void theFirstRunCopiesEverythingAndASecondRunWithoutChangesCostsOneListAndOneDeletedCall() {
    zohoData.seed(US, "Leads", 1_050);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads().build();

    SyncReport first = sync.run(target);
    assertThat(first.fullPass()).isEqualTo("load");
    assertThat(target.rows.keySet()).isEqualTo(zohoIds());
    assertThat(target.deliveries.values()).allMatch(n -> n == 1);
    assertThat(first.upserted()).isEqualTo(1_050);

    SyncReport second = sync.run(target);
    assertThat(second.fullPass()).isNull();
    assertThat(second.upserted()).isZero();
    assertThat(second.deleted()).isZero();
    assertThat(second.requests()).isEqualTo(2);
    assertThat(target.versions).hasSize(1_050);
  }

  @Test
  void changesMadeInZohoAreDeliveredOnceWithTheirNewValues() {
    List<String> ids = zohoData.seed(US, "Leads", 300);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads().build();
    sync.run(target);

    zohoData.update(US, "Leads", ids.get(7), Map.of("Company", "Changed Ltd"));
    zohoData.update(US, "Leads", ids.get(250), Map.of("Email", "new@example.com"));
    SyncReport report = sync.run(target);

    assertThat(report.upserted()).isEqualTo(2);
    assertThat(target.rows.get(ids.get(7)).text("Company")).isEqualTo("Changed Ltd");
    assertThat(target.rows.get(ids.get(250)).text("Email")).isEqualTo("new@example.com");
    assertThat(sync.run(target).upserted()).isZero();
  }

  @Test
  void deletesAreDeliveredOnceAndTheTargetMatchesZoho() {
    List<String> ids = zohoData.seed(US, "Leads", 120);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads().build();
    sync.run(target);

    zohoData.delete(US, "Leads", List.of(ids.get(3), ids.get(90)));
    SyncReport report = sync.run(target);

    assertThat(report.deleted()).isEqualTo(2);
    assertThat(target.deletes).containsExactlyInAnyOrder(ids.get(3), ids.get(90));
    assertThat(target.rows.keySet()).isEqualTo(zohoIds());
    assertThat(sync.run(target).deleted()).isZero();
  }

  @Test
  void recordsSharingOneSecondBeyondAPageAreAllDeliveredOnce() {
    List<String> ids = zohoData.seed(US, "Leads", 900);
    zohoData.setModifiedTime(US, "Leads", ids.subList(100, 750), OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0,
        ZoneOffset.ofHoursMinutes(5, 30)));
    Fixtures.Target target = new Fixtures.Target();

    leads().build().run(target);

    assertThat(target.rows.keySet()).isEqualTo(zohoIds());
    assertThat(target.deliveries.values()).allMatch(n -> n == 1);
  }

  @Test
  void windowsAreSplitSoThePageTokenLimitIsNeverReached() {
    zohoData.pageTokenRecordLimit(400);
    zohoData.seed(US, "Leads", 1_500);
    Fixtures.Target target = new Fixtures.Target();

    leads().build().run(target);

    assertThat(target.rows.keySet()).isEqualTo(zohoIds());
    assertThat(fake.requests().stream().filter(c -> c.path().equals("/crm/v8/Leads")).count())
        .isEqualTo(8); // ceil(1,500 / 200): the fewest Zoho's page size allows
  }

  @Test
  void convertedLeadsAreIncludedByDefaultAndHiddenWhenTurnedOff() {
    List<String> ids = zohoData.seed(US, "Leads", 50);
    Fixtures.Target withConverted = new Fixtures.Target();
    Fixtures.Target without = new Fixtures.Target();
    IncrementalSync both = leads().key("with").build();
    IncrementalSync hidden = leads().key("without").includeConvertedLeads(false).build();
    both.run(withConverted);
    hidden.run(without);

    zohoData.convertLead(US, ids.get(10));
    both.run(withConverted);
    hidden.run(without);

    assertThat(withConverted.rows.get(ids.get(10)).data().path("Converted__s").asBoolean()).isTrue();
    assertThat(without.rows.get(ids.get(10)).data().has("Converted__s")).isFalse();
  }

  @Test
  void formulaValuesChangedWithoutModifiedTimeComeWithThePeriodicRefresh() {
    List<String> ids = zohoData.seed(US, "Leads", 30);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads().formulaRefresh(Duration.ofDays(1)).build();
    sync.run(target);

    zohoData.setWithoutModifiedTime(US, "Leads", ids.get(4), "Company", "Formula Output");
    assertThat(sync.run(target).upserted()).isZero();

    clock.advance(Duration.ofDays(2));
    SyncReport refresh = sync.run(target);
    assertThat(refresh.fullPass()).isEqualTo("refresh");
    assertThat(target.rows.get(ids.get(4)).text("Company")).isEqualTo("Formula Output");
    assertThat(sync.run(target).fullPass()).isNull();
  }

  @Test
  void aCursorOlderThanTheRecycleBinRetentionForcesAFullReconciliation() {
    List<String> ids = zohoData.seed(US, "Leads", 80);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads().build();
    sync.run(target);

    zohoData.delete(US, "Leads", List.of(ids.get(1), ids.get(2)));
    zohoData.ageDeletedEntries(US, "Leads", 61); // gone from Zoho's deleted-records list
    clock.advance(Duration.ofDays(61));
    SyncReport report = sync.run(target);

    assertThat(report.fullPass()).isEqualTo("reconcile");
    assertThat(report.reconciled()).isTrue();
    assertThat(target.reconciliations).isEqualTo(1);
    assertThat(target.rows.keySet()).isEqualTo(zohoIds()).doesNotContain(ids.get(1), ids.get(2));
    assertThat(sync.run(target).fullPass()).isNull();
  }

  @Test
  void moreDeletionsThanZohoListsLeadToAReconciliation() {
    List<String> ids = zohoData.seed(US, "Leads", 2_300);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads().build();
    sync.run(target);

    zohoData.delete(US, "Leads", ids.subList(0, 2_100));
    SyncReport report = sync.run(target);

    assertThat(report.reconciled()).isTrue();
    assertThat(target.rows.keySet()).isEqualTo(zohoIds()).hasSize(200);
  }

  @Test
  void aHandlerThatFailsMidwayLosesNothingAndTheNextRunResumesWithoutRedelivering() {
    zohoData.seed(US, "Leads", 1_000);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads().build();
    int[] pages = {0};
    assertThatThrownBy(() -> sync.run(batch -> {
      if (!batch.upserts().isEmpty() && ++pages[0] == 3) {
        throw new IllegalStateException("target database down");
      }
      target.handle(batch);
    })).isInstanceOf(SyncException.class).hasMessageContaining("target database down")
        .hasMessageContaining("comes again");
    // two pages taken (a window starts one second before the last record read, so a page may repeat one)
    assertThat(target.rows).hasSizeBetween(2 * 199, 400);

    sync.run(target);

    assertThat(target.rows.keySet()).isEqualTo(zohoIds());
    assertThat(target.deliveries.values()).allMatch(n -> n == 1);
  }

  @Test
  void a429IsWaitedOutWithBackOffAndThenTheRunGoesOn() {
    zohoData.seed(US, "Leads", 500);
    fake.limitApiRequests(2);
    Fixtures.Target target = new Fixtures.Target();

    SyncReport report = leads().retries(10, Duration.ofSeconds(2), Duration.ofSeconds(60)).build().run(target);

    assertThat(target.rows.keySet()).isEqualTo(zohoIds());
    assertThat(fake.count("crm:GET /crm/v8/Leads")).isGreaterThan(3); // the refused ones were sent again
    assertThat(report.requests()).isGreaterThan(4);
  }

  @Test
  void a429ThatDoesNotEaseIsAClearErrorAndTheCommittedPagesStay() {
    zohoData.seed(US, "Leads", 500);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads().retries(2, Duration.ofSeconds(1), Duration.ofSeconds(1)).sleeper(d -> { }).build();
    fake.limitApiRequests(2);

    assertThatThrownBy(() -> sync.run(target)).isInstanceOf(SyncException.class)
        .hasMessageContaining("429 TOO_MANY_REQUESTS").hasMessageContaining("resumes");
    assertThat(target.rows).hasSizeBetween(2 * 199, 400);

    fake.limitApiRequests(0);
    sync.run(target);
    assertThat(target.rows.keySet()).isEqualTo(zohoIds());
  }

  @Test
  void aSecondWorkerDoesNothingWhileTheFirstHoldsTheLease() {
    zohoData.seed(US, "Leads", 10);
    Optional<SyncLease> held = store.tryLease("Leads", Duration.ofMinutes(1));
    assertThat(held).isPresent();
    Fixtures.Target target = new Fixtures.Target();

    SyncReport report = leads().build().run(target);

    assertThat(report.ran()).isFalse();
    assertThat(target.rows).isEmpty();
    assertThat(fake.requests()).noneMatch(c -> c.path().startsWith("/crm/v8/Leads"));
    held.get().close();
    assertThat(leads().build().run(target).ran()).isTrue();
    assertThat(target.rows).hasSize(10);
  }

  @Test
  void aRecordChangedWhileTheFullLoadPagesIsNotLost() {
    List<String> ids = zohoData.seed(US, "Leads", 600);
    Fixtures.Target target = new Fixtures.Target();
    int[] pages = {0};
    IncrementalSync sync = leads().build();
    sync.run(batch -> {
      if (++pages[0] == 1) {
        zohoData.update(US, "Leads", ids.get(0), Map.of("Company", "Edited during the load"));
      }
      target.handle(batch);
    });
    sync.run(target);

    assertThat(target.rows.keySet()).isEqualTo(zohoIds());
    assertThat(target.rows.get(ids.get(0)).text("Company")).isEqualTo("Edited during the load");
    JsonNode first = zohoData.records(US, "Leads").get(0);
    assertThat(target.rows.get(first.path("id").asText()).modifiedTime())
        .isEqualTo(OffsetDateTime.parse(first.path("Modified_Time").asText()));
  }

  // ---- more records in one Modified_Time second than a page token reaches (lowered to 400): Bulk Read ----

  private IncrementalSync bulkLeads() {
    return leads().fields(WIDE_FIELDS).build();
  }

  /** 100 leads before the full second, 700 in it (one of them converted), 200 after. */
  private List<String> seedAFullSecond() {
    zohoData.pageTokenRecordLimit(400);
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

    SyncReport report = bulkLeads().run(batch -> {
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

    SyncReport again = bulkLeads().run(target);
    assertThat(again.upserted()).isZero();
    assertThat(fake.count(BULK_JOBS)).isEqualTo(1);
  }

  @Test
  void anIncrementalRunReadsAFullSecondWithBulkReadAndNumbersKeepTheirListType() {
    zohoData.pageTokenRecordLimit(400);
    List<String> ids = zohoData.seed(US, "Deals", 1_000);
    IncrementalSync deals = IncrementalSync.builder(zoho, "Deals").fields(List.of("Deal_Name", "Stage", "Amount"))
        .stateStore(store).clock(clock).sleeper(d -> fake.advanceClock(d)).build();
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
  void aReconciliationCountsTheRecordsBulkReadReadAsLive() {
    List<String> ids = seedAFullSecond();
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = bulkLeads();
    sync.run(target);

    zohoData.delete(US, "Leads", List.of(ids.get(50), ids.get(600)));
    zohoData.ageDeletedEntries(US, "Leads", 61); // gone from Zoho's deleted-records list
    clock.advance(Duration.ofDays(61));
    SyncReport report = sync.run(target);

    assertThat(report.reconciled()).isTrue();
    assertThat(fake.count(BULK_JOBS)).isEqualTo(2);
    // the 300 records of the full second only Bulk Read reached are live, not deleted from the target
    assertTargetEqualsZoho(target, zohoRecords("Leads"), WIDE_FIELDS);
    assertThat(target.rows).hasSize(998).doesNotContainKeys(ids.get(50), ids.get(600));
  }

  @Test
  void aHandlerFailingInTheBulkWindowLosesNothingAndTheNextRunGoesStraightToBulkRead() {
    seedAFullSecond();
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = bulkLeads();
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

    assertTargetEqualsZoho(target, zohoRecords("Leads"), WIDE_FIELDS);
    assertThat(pageTokenRequests()).isZero(); // the cursor named the second: no paging up to the limit again
    assertThat(fake.count(BULK_JOBS)).isEqualTo(1);
    assertThat(sync.run(target).upserted()).isZero();
  }

  @Test
  void aBulkReadJobEndingInFailureIsAClearErrorAndRunningAgainCompletesTheCopy() {
    seedAFullSecond();
    zohoData.failNextBulkJobs(1);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = bulkLeads();

    assertThatThrownBy(() -> sync.run(target)).isInstanceOf(SyncException.class)
        .hasMessageContaining("Leads").hasMessageContaining(FULL_SECOND.toString())
        .hasMessageContaining("FAILURE").hasMessageContaining("run the sync again")
        .hasMessageContaining("the cursor keeps that second").hasMessageNotContaining("stays before")
        .extracting(e -> ((SyncException) e).code()).isEqualTo("INTERNAL_SERVER_ERROR");
    Set<String> before = Set.copyOf(target.rows.keySet());
    assertThat(before).hasSize(500);

    fake.resetObservations();
    sync.run(target);

    assertTargetEqualsZoho(target, zohoRecords("Leads"), WIDE_FIELDS);
    assertThat(target.deliveries.values()).allMatch(n -> n == 1);
    assertThat(pageTokenRequests()).isZero();
  }

  @Test
  void aRunThatReadsASecondWithBulkReadAndThenReconcilesCompletes() {
    zohoData.pageTokenRecordLimit(400);
    List<String> ids = zohoData.seed(US, "Leads", 3_000);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = bulkLeads();
    sync.run(target);
    assertThat(fake.count(BULK_JOBS)).isZero();

    zohoData.setModifiedTime(US, "Leads", ids.subList(2_200, 2_900), zohoData.now()); // 700 in one second
    zohoData.delete(US, "Leads", ids.subList(0, 2_100)); // more than Zoho lists: a reconciliation in the same run
    SyncReport report = sync.run(target);

    assertThat(report.reconciled()).isTrue();
    assertThat(fake.count(BULK_JOBS)).isEqualTo(2); // the incremental pass and the reconciliation each read it
    assertTargetEqualsZoho(target, zohoRecords("Leads"), WIDE_FIELDS);
    assertThat(target.rows).hasSize(900);
  }

  @ParameterizedTest(name = "If-Modified-Since inclusive: {0}")
  @ValueSource(booleans = {true, false})
  void theSecondAfterABulkReadWindowIsNeitherSkippedNorDeliveredTwiceWhicheverWayIfModifiedSinceCompares(
      boolean inclusive) {
    List<String> ids = seedAFullSecond();
    // the second right after the full one: where the list restarts after the Bulk Read window
    zohoData.setModifiedTime(US, "Leads", ids.subList(800, 830), FULL_SECOND.plusSeconds(1));
    zohoData.ifModifiedSinceInclusive(inclusive);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads().fields(WIDE_FIELDS).formulaRefresh(Duration.ofDays(1)).build();

    SyncReport report = sync.run(target);

    assertTargetEqualsZoho(target, zohoRecords("Leads"), WIDE_FIELDS);
    assertThat(target.deliveries.values()).allMatch(n -> n == 1);
    assertThat(report.upserted()).isEqualTo(1_000);
    assertThat(fake.count(BULK_JOBS)).isEqualTo(1);
    assertThat(sync.run(target).upserted()).isZero();

    // a full pass (here a formula refresh) skips nothing the cursor remembers: only this pass's own de-duplication
    clock.advance(Duration.ofDays(2));
    Fixtures.Target refreshed = new Fixtures.Target();
    assertThat(sync.run(refreshed).fullPass()).isEqualTo("refresh");
    assertTargetEqualsZoho(refreshed, zohoRecords("Leads"), WIDE_FIELDS);
    assertThat(refreshed.deliveries.values()).allMatch(n -> n == 1);
    assertThat(fake.count(BULK_JOBS)).isEqualTo(2);
  }

  @Test
  void theLeaseIsRenewedWhileABulkReadJobRunsSoNoOtherWorkerTakesTheSyncOver() {
    seedAFullSecond();
    zohoData.bulkJobPollsUntilDone(30); // about half an hour of polling at 2 s doubling up to 60 s
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:lease" + java.util.UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    JdbcSyncStateStore jdbc = JdbcSyncStateStore.builder(h2).clock(clock).build();
    Duration ttl = Duration.ofMinutes(3);
    List<String> takeovers = new ArrayList<>();
    java.time.Instant start = clock.instant();
    IncrementalSync sync = IncrementalSync.builder(zoho, "Leads").fields(WIDE_FIELDS).stateStore(jdbc).clock(clock)
        .leaseTtl(ttl).sleeper(d -> {
          fake.advanceClock(d);
          clock.advance(d);
          // another worker, started by a schedule, tries to take the sync over while the job runs
          jdbc.tryLease("Leads", ttl).ifPresent(other -> {
            takeovers.add("taken over after " + Duration.between(start, clock.instant()));
            other.close();
          });
        }).build();
    Fixtures.Target target = new Fixtures.Target();

    sync.run(target);

    assertThat(takeovers).isEmpty();
    assertThat(Duration.between(start, clock.instant())).isGreaterThan(ttl.multipliedBy(5)); // the job outlasted it
    assertThat(fake.count(BULK_JOBS)).isEqualTo(1);
    assertTargetEqualsZoho(target, zohoRecords("Leads"), WIDE_FIELDS);
    assertThat(target.deliveries.values()).allMatch(n -> n == 1);
  }

  @ParameterizedTest(name = "If-Modified-Since inclusive: {0}")
  @ValueSource(booleans = {true, false})
  void aRunCutInABulkReadWindowAfterTheLaterSecondCameReadsTheFullSecondAgainEvenWithoutOverlap(boolean inclusive) {
    zohoData.ifModifiedSinceInclusive(inclusive);
    zohoData.pageTokenRecordLimit(400);
    List<String> ids = zohoData.seed(US, "Leads", 1_000);
    // the export is in id order: the 250 records of the second after the full one come first
    zohoData.setModifiedTime(US, "Leads", ids.subList(0, 250), FULL_SECOND.plusSeconds(1));
    zohoData.setModifiedTime(US, "Leads", ids.subList(250, 950), FULL_SECOND);
    Fixtures.Target target = new Fixtures.Target();
    IncrementalSync sync = leads().fields(WIDE_FIELDS).overlap(Duration.ZERO).build();
    int[] bulkBatches = {0};
    assertThatThrownBy(() -> sync.run(batch -> {
      if (fake.count(BULK_JOBS) > 0 && !batch.upserts().isEmpty() && ++bulkBatches[0] == 2) {
        throw new IllegalStateException("target database down");
      }
      target.handle(batch);
    })).isInstanceOf(SyncException.class).hasMessageContaining("target database down");
    // the watermark is now past the full second, of which 300 records are not delivered yet

    sync.run(target);

    assertTargetEqualsZoho(target, zohoRecords("Leads"), WIDE_FIELDS);
    assertThat(fake.count(BULK_JOBS)).isEqualTo(2);
  }

  @Test
  void aFieldNoListPageOfTheRunGaveAValueOfKeepsItsListTypeFromTheFieldsMetadata() {
    zohoData.pageTokenRecordLimit(400);
    List<String> ids = zohoData.seed(US, "Deals", 1_000);
    for (String id : ids) {
      zohoData.setWithoutModifiedTime(US, "Deals", id, "Amount", null);
    }
    // only records the page token does not reach (the full second's are listed in id order: 100..499) have amounts
    zohoData.setWithoutModifiedTime(US, "Deals", ids.get(600), "Amount", 12_345.5);
    zohoData.setWithoutModifiedTime(US, "Deals", ids.get(700), "Amount", 250_000);
    zohoData.setModifiedTime(US, "Deals", ids.subList(100, 800), FULL_SECOND);
    IncrementalSync deals = IncrementalSync.builder(zoho, "Deals").fields(List.of("Deal_Name", "Stage", "Amount",
        "Owner")).stateStore(store).clock(clock).sleeper(d -> fake.advanceClock(d)).build();
    Fixtures.Target target = new Fixtures.Target();

    SyncReport report = deals.run(target);

    assertThat(fake.count(BULK_JOBS)).isEqualTo(1);
    assertThat(fake.count("crm:GET /crm/v8/settings/fields")).isEqualTo(1);
    assertTargetEqualsZoho(target, zohoRecords("Deals"), List.of("Deal_Name", "Stage", "Amount", "Owner"));
    assertThat(target.rows.get(ids.get(600)).data().get("Amount").isNumber()).isTrue();
    assertThat(report.credits()).isEqualTo(report.requests() - 2 + 50);
  }
}
