package io.github.zohokit.notifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One notification Zoho posted to the {@code notify_url}, checked and typed. Zoho batches: one notification may name
 * several records ({@link #ids()}) changed by one operation. Treat it as a hint that these records changed: read them
 * (or let the incremental sync pick them up) rather than trusting the values it carries to be the latest.
 *
 * <p>Zoho's payload (enable.html, {@code https://www.zoho.com/crm/developer/docs/api/v8/notifications/enable.html}):
 * {@code server_time} (epoch milliseconds), {@code query_params} (the notify URL's query, echoed), {@code module},
 * {@code resource_uri}, {@code ids}, {@code affected_fields}, {@code operation} ({@code insert}, {@code update},
 * {@code delete}), {@code channel_id}, {@code token}, and with {@code return_affected_field_values}
 * {@code affected_values} ({@code [{"record_id", "values": {...}}]}).
 *
 * @param channelId the channel that delivered it
 * @param module the module's API name, such as {@code Leads}
 * @param operation Zoho's word for what happened, lower case ({@code insert}, {@code update}, {@code delete})
 * @param ids the ids of the records it concerns, at least one
 * @param affectedFields the API names of the fields that changed (Zoho sends none for inserts)
 * @param affectedValues the new values by record id, when the channel asked for them; else empty
 * @param serverTime when Zoho sent it, or {@link Instant#EPOCH} when Zoho sent no time
 * @param queryParams the query parameters of the notify URL, as Zoho echoed them
 * @param resourceUri Zoho's {@code resource_uri} (its version segment is not meaningful), or null
 */
public record NotificationEvent(long channelId, String module, String operation, List<String> ids,
    List<String> affectedFields, Map<String, ObjectNode> affectedValues, Instant serverTime,
    Map<String, String> queryParams, String resourceUri) {

  /** What happened to the records, from Zoho's {@code operation}. */
  public enum Kind {
    /** Records were created ({@code insert}). */
    INSERT,
    /** Records were changed ({@code update}). */
    UPDATE,
    /** Records were deleted ({@code delete}). */
    DELETE,
    /** An operation word zohokit does not know; read {@link #operation()}. */
    OTHER
  }

  /**
   * Copies the collections.
   *
   * @param channelId the channel
   * @param module not null
   * @param operation not null
   * @param ids copied
   * @param affectedFields copied
   * @param affectedValues copied
   * @param serverTime not null
   * @param queryParams copied
   * @param resourceUri may be null
   * @throws NullPointerException when a value other than {@code resourceUri} is null
   */
  public NotificationEvent {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(serverTime, "serverTime");
    ids = List.copyOf(ids);
    affectedFields = List.copyOf(affectedFields);
    affectedValues = Map.copyOf(affectedValues);
    queryParams = Map.copyOf(queryParams);
  }

  /**
   * What happened, typed.
   *
   * @return the kind; {@link Kind#OTHER} for a word zohokit does not know
   */
  public Kind kind() {
    switch (operation.toLowerCase(Locale.ROOT)) {
      case "insert":
      case "create":
        return Kind.INSERT;
      case "update":
      case "edit":
        return Kind.UPDATE;
      case "delete":
        return Kind.DELETE;
      default:
        return Kind.OTHER;
    }
  }
}
