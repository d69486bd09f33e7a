package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.ZohoResponse;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.crm.v8.DeletedRecord;
import io.github.zohokit.crm.v8.RecordsApi;
import io.github.zohokit.token.DataCenter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a sync reads through the ready {@link RecordsApi}: {@code If-Modified-Since}, {@code sort_by}/
 * {@code sort_order} and {@code converted} on list and stream, {@code If-Modified-Since} on deleted records, and
 * 304 as a result rather than an error.
 */
class RecordsSyncParametersAgainstFakeTest {
  @RegisterExtension
  static final FakeZohoExtension ZOHO = FakeZohoExtension.perTest();
  private static final List<String> FIELDS = List.of("Last_Name", "Modified_Time");

  private FakeZoho fake;
  private RecordsApi records;

  @BeforeEach
  void connect() {
    fake = ZOHO.fake();
    records = FakeConnections.connect(fake, List.of("ZohoCRM.modules.ALL")).api(RecordsApi.class);
  }

  /** Now on the fake's clock, after a minute has passed: everything before is older. */
  private OffsetDateTime aMinuteLater() {
    fake.advanceClock(Duration.ofMinutes(1));
    return fake.sync().now();
  }

  private static List<String> ids(RecordPage<CrmRecord> page) {
    return page.data().stream().map(CrmRecord::id).collect(Collectors.toList());
  }

  @Test
  void listSinceAMomentSortedByModifiedTime() {
    List<String> contacts = fake.sync().seed(DataCenter.US, "Contacts", 5);
    OffsetDateTime since = aMinuteLater();
    fake.sync().update(DataCenter.US, "Contacts", contacts.get(3), Map.of("Last_Name", "Changed first"));
    fake.advanceClock(Duration.ofSeconds(5));
    fake.sync().update(DataCenter.US, "Contacts", contacts.get(1), Map.of("Last_Name", "Changed second"));

    ZohoResponse<RecordPage<CrmRecord>> asc = records.list("Contacts", FIELDS, null, null, null, "Modified_Time",
        "asc", null, RecordsApi.modifiedSince(since));
    assertThat(asc.status()).isEqualTo(200);
    assertThat(ids(asc.body())).containsExactly(contacts.get(3), contacts.get(1));
    assertThat(ids(records.list("Contacts", FIELDS, null, null, null, "Modified_Time", "desc", null,
        RecordsApi.modifiedSince(since)).body())).containsExactly(contacts.get(1), contacts.get(3));
  }

  @Test
  void nothingModifiedSinceIs304WithoutABodyNotAnError() {
    fake.sync().seed(DataCenter.US, "Contacts", 3);
    OffsetDateTime since = aMinuteLater();

    ZohoResponse<RecordPage<CrmRecord>> answer = records.list("Contacts", FIELDS, null, null, null,
        "Modified_Time", "asc", null, RecordsApi.modifiedSince(since));
    assertThat(answer.status()).isEqualTo(304);
    assertThat(answer.body()).isNull();
    assertThat(records.stream("Contacts", FIELDS, 200, "Modified_Time", "asc", null,
        RecordsApi.modifiedSince(since))).as("a 304 ends the stream").isEmpty();
  }

  @Test
  void convertedLeadsOnlyWhenAsked() {
    List<String> leads = fake.sync().seed(DataCenter.US, "Leads", 2);
    OffsetDateTime since = aMinuteLater();
    fake.sync().convertLead(DataCenter.US, leads.get(0));
    fake.sync().touch(DataCenter.US, "Leads", List.of(leads.get(1)));
    String header = RecordsApi.modifiedSince(since);

    assertThat(ids(records.list("Leads", FIELDS, null, null, null, "Modified_Time", "asc", null, header).body()))
        .containsExactly(leads.get(1));
    assertThat(ids(records.list("Leads", FIELDS, null, null, null, "Modified_Time", "asc", "both", header).body()))
        .containsExactlyInAnyOrder(leads.get(0), leads.get(1));
    assertThat(records.stream("Leads", FIELDS, null, "Modified_Time", "asc", "true", header).map(CrmRecord::id))
        .containsExactly(leads.get(0));
  }

  @Test
  void streamFollowsPageTokensKeepingTheHeader() {
    List<String> contacts = fake.sync().seed(DataCenter.US, "Contacts", 7);
    OffsetDateTime since = aMinuteLater();
    for (String id : contacts) {
      fake.advanceClock(Duration.ofSeconds(1));
      fake.sync().touch(DataCenter.US, "Contacts", List.of(id));
    }
    fake.resetObservations();

    assertThat(records.stream("Contacts", FIELDS, 2, "Modified_Time", "asc", null, RecordsApi.modifiedSince(since))
        .map(CrmRecord::id)).containsExactlyElementsOf(contacts);
    assertThat(fake.count("crm:GET /crm/v8/Contacts")).isEqualTo(4);
  }

  @Test
  void deletedSinceAMoment() {
    List<String> contacts = fake.sync().seed(DataCenter.US, "Contacts", 4);
    fake.sync().delete(DataCenter.US, "Contacts", List.of(contacts.get(0)));
    OffsetDateTime since = aMinuteLater();
    fake.sync().delete(DataCenter.US, "Contacts", List.of(contacts.get(2), contacts.get(3)));

    ZohoResponse<RecordPage<DeletedRecord>> answer = records.deleted("Contacts", "all", null, null,
        RecordsApi.modifiedSince(since));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().data()).extracting(DeletedRecord::id)
        .containsExactlyInAnyOrder(contacts.get(2), contacts.get(3));
    assertThat(records.deleted("Contacts", "all", null, null, null).body().data()).extracting(DeletedRecord::id)
        .contains(contacts.get(0), contacts.get(2), contacts.get(3));

    ZohoResponse<RecordPage<DeletedRecord>> none = records.deleted("Contacts", "all", null, null,
        RecordsApi.modifiedSince(aMinuteLater()));
    assertThat(none.status()).isIn(204, 304);
    assertThat(none.body() == null || none.body().data().isEmpty()).isTrue();
  }

  @Test
  void theHeaderIsZohosIsoDateTimeInWholeSeconds() {
    assertThat(RecordsApi.modifiedSince(OffsetDateTime.of(2026, 12, 1, 10, 15, 30, 123_456_789,
        ZoneOffset.ofHoursMinutes(5, 30)))).isEqualTo("2026-12-01T10:15:30+05:30");
    assertThat(RecordsApi.modifiedSince(OffsetDateTime.of(2026, 12, 1, 10, 15, 0, 0, ZoneOffset.UTC)))
        .isEqualTo("2026-12-01T10:15:00+00:00");
  }
}
