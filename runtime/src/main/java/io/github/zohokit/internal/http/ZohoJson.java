package io.github.zohokit.internal.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.ZonedDateTimeSerializer;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoMappingException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Not API: may change in any release. zohokit's default Jackson mapper, and the errors of a body that cannot be
 * mapped.
 *
 * <p>Zoho writes date-times as ISO 8601 with the offset of the user's time zone ({@code 2026-12-01T10:15:30+05:30},
 * CRM field type {@code datetime}) and dates as {@code yyyy-MM-dd} ({@code date}). The default mapper reads them
 * into {@code OffsetDateTime} (offset kept: {@code ADJUST_DATES_TO_CONTEXT_TIME_ZONE} off), {@code ZonedDateTime},
 * {@code Instant} and {@code LocalDate}, and writes them back in Zoho's form: whole seconds (Zoho's own Java SDK
 * drops the nanoseconds before sending a date-time) and a numeric offset, {@code +00:00} rather than {@code Z}, as
 * Zoho writes it. {@code @JsonFormat} on a field still wins.
 */
public final class ZohoJson {
  /** Zoho's date-time: {@code 2026-12-01T10:15:30+05:30}; no fraction of a second, numeric offset. */
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private ZohoJson() {}

  /**
   * A new mapper configured for Zoho's JSON: Jackson's {@code JavaTimeModule}, dates written as text in Zoho's
   * formats, offsets kept when read. Everything else is Jackson's default.
   *
   * @return a new mapper, the caller's
   */
  public static ObjectMapper defaultMapper() {
    SimpleModule zohoDates = new SimpleModule("zohokit-dates");
    zohoDates.addSerializer(OffsetDateTime.class, OffsetDateTimeSerializer.INSTANCE.withFormatter(DATE_TIME));
    zohoDates.addSerializer(ZonedDateTime.class, new ZonedDateTimeSerializer(DATE_TIME));
    zohoDates.addSerializer(Instant.class, new InstantSerializer(InstantSerializer.INSTANCE, false,
        DATE_TIME.withZone(ZoneOffset.UTC)) {
      private static final long serialVersionUID = 1L;
    });
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(zohoDates) // after JavaTimeModule: the serializers registered last win
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }

  /**
   * The exception for an answer whose body could not be read as {@code type}: a {@link ZohoMappingException} when
   * Jackson could not parse or map it, a {@link io.github.zohokit.ZohoUnavailableException} when reading the body
   * failed (the connection broke).
   *
   * @param operation what was called, for example {@code GET /crm/v8/Leads/{id}}
   * @param status the answer's HTTP status
   * @param type the type the body was read as
   * @param e what Jackson (or the connection) threw
   * @return the exception to throw
   */
  public static ZohoException unreadable(String operation, int status, JavaType type, IOException e) {
    if (!(e instanceof JsonProcessingException)) {
      return ZohoErrorDecoder.failure(e, operation);
    }
    String name = type == null ? "the declared type" : type.toCanonical();
    String what = operation + " answered HTTP " + status + " with a body that cannot be read as " + name + ": "
        + jacksonMessage((JsonProcessingException) e);
    String fix = e instanceof JsonParseException
        ? ". The body is not valid JSON: something other than Zoho's API may have answered (a proxy, a wrong API "
            + "domain?)"
        : ". Zoho's answer arrived; the mapper cannot map it: check " + name + "'s fields against Zoho's JSON "
            + "(names, types), or configure the ObjectMapper given to ZohoOAuth.Builder.objectMapper(...)"
            + timeAdvice(e);
    return new ZohoMappingException(what + fix, status, name, e);
  }

  /**
   * The exception for a request body that could not be written as JSON.
   *
   * @param value the body, whose class is named
   * @param e what Jackson threw
   * @return a {@link ZohoMappingException} naming the type and how to configure the mapper
   */
  public static ZohoException unwritable(Object value, IOException e) {
    String name = value == null ? "null" : value.getClass().getName();
    String message = e instanceof JsonProcessingException ? jacksonMessage((JsonProcessingException) e)
        : e.getMessage();
    return new ZohoMappingException("cannot write the request body (" + name + ") as JSON: " + message
        + ". Configure the ObjectMapper given to ZohoOAuth.Builder.objectMapper(...)" + timeAdvice(e), 0, name, e);
  }

  /** Jackson's own message without the source excerpt, plus the path to the failing field when known. */
  private static String jacksonMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()) {
      message += " (at " + ((JsonMappingException) e).getPathReference() + ")";
    }
    return message;
  }

  /** How to read {@code java.time} types, when that is what Jackson could not do. */
  private static String timeAdvice(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof DatabindException && message.contains("Java 8 date/time")) {
      return ": register Jackson's JavaTimeModule on it (com.fasterxml.jackson.datatype:jackson-datatype-jsr310, "
          + "mapper.registerModule(new JavaTimeModule())) and disable WRITE_DATES_AS_TIMESTAMPS and "
          + "ADJUST_DATES_TO_CONTEXT_TIME_ZONE, or leave the mapper out: zohokit's default reads and writes java.time "
          + "types in Zoho's formats";
    }
    return "";
  }
}
