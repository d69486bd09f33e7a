package io.github.zohokit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** zohokit's default mapper reads Zoho's date-times and dates into java.time and writes them back as Zoho does. */
class ZohoJsonTest {
  /** A record as a user declares it, with Zoho's field names. */
  record Lead(@JsonProperty("Modified_Time") OffsetDateTime modifiedTime,
      @JsonProperty("Date_of_Birth") LocalDate dateOfBirth,
      @JsonProperty("Created_Time") Instant createdTime,
      @JsonProperty("Remind_At") ZonedDateTime remindAt) {}

  record Formatted(@JsonProperty("Day") @JsonFormat(pattern = "dd/MM/uuuu HH:mm") OffsetDateTime day) {}

  private final ObjectMapper mapper = ZohoJson.defaultMapper();

  @Test
  void readsZohosDateTimesKeepingTheirOffsetAndDatesAsLocalDates() throws Exception {
    Lead lead = mapper.readValue("{\"Modified_Time\":\"2026-12-01T10:15:30+05:30\",\"Date_of_Birth\":\"1990-02-28\","
        + "\"Created_Time\":\"2026-12-01T10:15:30+05:30\",\"Remind_At\":\"2026-12-01T10:15:30-08:00\"}", Lead.class);

    assertThat(lead.modifiedTime())
        .isEqualTo(OffsetDateTime.of(2026, 12, 1, 10, 15, 30, 0, ZoneOffset.ofHoursMinutes(5, 30)));
    assertThat(lead.modifiedTime().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(lead.dateOfBirth()).isEqualTo(LocalDate.of(1990, 2, 28));
    assertThat(lead.createdTime()).isEqualTo(Instant.parse("2026-12-01T04:45:30Z"));
    assertThat(lead.remindAt().getOffset()).isEqualTo(ZoneOffset.ofHours(-8));
    assertThat(lead.remindAt().toLocalDateTime()).isEqualTo(lead.modifiedTime().toLocalDateTime());
  }

  @Test
  void writesDateTimesAsZohoDoesWholeSecondsAndANumericOffset() throws Exception {
    Lead lead = new Lead(OffsetDateTime.of(2026, 12, 1, 10, 15, 30, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30)),
        LocalDate.of(1990, 2, 28), Instant.parse("2026-12-01T04:45:30.500Z"),
        ZonedDateTime.of(2026, 12, 1, 10, 15, 30, 999_000_000, ZoneId.of("America/Los_Angeles")));

    assertThat(mapper.writeValueAsString(lead)).isEqualTo("{\"Modified_Time\":\"2026-12-01T10:15:30+05:30\","
        + "\"Date_of_Birth\":\"1990-02-28\",\"Created_Time\":\"2026-12-01T04:45:30+00:00\","
        + "\"Remind_At\":\"2026-12-01T10:15:30-08:00\"}");
    assertThat(mapper.writeValueAsString(OffsetDateTime.of(2026, 12, 1, 10, 15, 30, 0, ZoneOffset.UTC)))
        .isEqualTo("\"2026-12-01T10:15:30+00:00\"");
  }

  @Test
  void whatItWritesItReadsBack() throws Exception {
    OffsetDateTime time = OffsetDateTime.of(2026, 12, 1, 10, 15, 30, 0, ZoneOffset.ofHours(4));
    assertThat(mapper.readValue(mapper.writeValueAsString(time), OffsetDateTime.class)).isEqualTo(time);
  }

  @Test
  void aFieldsJsonFormatStillWins() throws Exception {
    Formatted formatted = new Formatted(OffsetDateTime.of(2026, 12, 1, 10, 15, 30, 0, ZoneOffset.UTC));
    assertThat(mapper.writeValueAsString(formatted)).isEqualTo("{\"Day\":\"01/12/2026 10:15\"}");
  }

  @Test
  void eachCallGivesANewMapper() {
    assertThat(ZohoJson.defaultMapper()).isNotSameAs(ZohoJson.defaultMapper());
  }
}
