package io.github.zohokit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A Bulk Read criteria tree: conditions on one field with the comparators Zoho allows for its type, joined by
 * {@link #and} / {@link #or} groups (which nest). At most 25 conditions in all (Zoho's limit, checked by
 * {@link BulkRead.Builder#criteria}).
 *
 * <pre>{@code
 * Criterion.and(
 *     Criterion.dateTime("Modified_Time").between(from, to),     // ISO 8601, whole seconds
 *     Criterion.text("Lead_Source").in(List.of("Web", "Partner")),
 *     Criterion.number("Annual_Revenue").greaterThan(BigDecimal.valueOf(100_000)))
 * }</pre>
 */
public abstract class Criterion {
  private static final ObjectMapper JSON = new ObjectMapper();

  Criterion() {}

  abstract JsonNode toJson();

  abstract int conditions();

  /**
   * All of {@code criteria}.
   *
   * @param criteria two or more
   * @return the group
   */
  public static Criterion and(Criterion... criteria) {
    return new Group("and", List.of(criteria));
  }

  /**
   * Any of {@code criteria}.
   *
   * @param criteria two or more
   * @return the group
   */
  public static Criterion or(Criterion... criteria) {
    return new Group("or", List.of(criteria));
  }

  /**
   * A text, email, phone, URL, picklist or multi-select field: equal, not_equal, in, not_in, contains, not_contains,
   * starts_with, ends_with; values up to 255 characters.
   *
   * @param field the field's API name (a dot path such as {@code Account_Name.Account_Name} reaches a lookup's
   *     record)
   * @return the field's comparators
   */
  public static TextField text(String field) {
    return new TextField(field);
  }

  /**
   * A number, decimal, currency or percent field.
   *
   * @param field the field's API name
   * @return the field's comparators
   */
  public static NumberField number(String field) {
    return new NumberField(field);
  }

  /**
   * A date-time field such as {@code Modified_Time}: the number comparators and between, not_between; values in ISO
   * 8601 with offset and without milliseconds (Zoho refuses them).
   *
   * @param field the field's API name
   * @return the field's comparators
   */
  public static DateTimeField dateTime(String field) {
    return new DateTimeField(field);
  }

  /**
   * A boolean field: equal only.
   *
   * @param field the field's API name
   * @param value the value
   * @return the condition
   */
  public static Criterion bool(String field, boolean value) {
    return new Condition(field, "equal", JSON.getNodeFactory().booleanNode(value));
  }

  /**
   * A lookup or owner field, by the related record's id: equal, not_equal, in, not_in.
   *
   * @param field the field's API name
   * @return the field's comparators
   */
  public static LookupField lookup(String field) {
    return new LookupField(field);
  }

  private static final class Group extends Criterion {
    final String operator;
    final List<Criterion> members;

    Group(String operator, List<Criterion> members) {
      if (members.size() < 2) {
        throw new IllegalArgumentException("an " + operator + " group needs at least two criteria");
      }
      this.operator = operator;
      this.members = members;
    }

    @Override
    JsonNode toJson() {
      ObjectNode node = JSON.createObjectNode().put("group_operator", operator);
      ArrayNode group = node.putArray("group");
      members.forEach(m -> group.add(m.toJson()));
      return node;
    }

    @Override
    int conditions() {
      return members.stream().mapToInt(Criterion::conditions).sum();
    }
  }

  private static final class Condition extends Criterion {
    final String field;
    final String comparator;
    final JsonNode value;

    Condition(String field, String comparator, JsonNode value) {
      this.field = Objects.requireNonNull(field, "field");
      this.comparator = comparator;
      this.value = value;
    }

    @Override
    JsonNode toJson() {
      ObjectNode node = JSON.createObjectNode();
      node.putObject("field").put("api_name", field);
      node.put("comparator", comparator);
      node.set("value", value);
      return node;
    }

    @Override
    int conditions() {
      return 1;
    }
  }

  private static JsonNode texts(Collection<String> values) {
    ArrayNode array = JSON.createArrayNode();
    for (String v : values) {
      array.add(checkText(v));
    }
    return array;
  }

  private static String checkText(String value) {
    if (value == null || value.length() > 255) {
      throw new IllegalArgumentException("a Bulk Read criteria value is 0 to 255 characters, not " + value);
    }
    return value;
  }

  /** Comparators of a text field. */
  public static final class TextField {
    private final String field;

    TextField(String field) {
      this.field = field;
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion equal(String value) {
      return new Condition(field, "equal", JSON.getNodeFactory().textNode(checkText(value)));
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion notEqual(String value) {
      return new Condition(field, "not_equal", JSON.getNodeFactory().textNode(checkText(value)));
    }

    /**
     * A condition.
     *
     * @param values the values
     * @return the condition
     */
    public Criterion in(Collection<String> values) {
      return new Condition(field, "in", texts(values));
    }

    /**
     * A condition.
     *
     * @param values the values
     * @return the condition
     */
    public Criterion notIn(Collection<String> values) {
      return new Condition(field, "not_in", texts(values));
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion contains(String value) {
      return new Condition(field, "contains", JSON.getNodeFactory().textNode(checkText(value)));
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion notContains(String value) {
      return new Condition(field, "not_contains", JSON.getNodeFactory().textNode(checkText(value)));
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion startsWith(String value) {
      return new Condition(field, "starts_with", JSON.getNodeFactory().textNode(checkText(value)));
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion endsWith(String value) {
      return new Condition(field, "ends_with", JSON.getNodeFactory().textNode(checkText(value)));
    }
  }

  /** Comparators of a number field. */
  public static final class NumberField {
    private final String field;

    NumberField(String field) {
      this.field = field;
    }

    private Criterion c(String comparator, BigDecimal value) {
      return new Condition(field, comparator, JSON.getNodeFactory().numberNode(Objects.requireNonNull(value)));
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion equal(BigDecimal value) {
      return c("equal", value);
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion notEqual(BigDecimal value) {
      return c("not_equal", value);
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion lessThan(BigDecimal value) {
      return c("less_than", value);
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion lessEqual(BigDecimal value) {
      return c("less_equal", value);
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion greaterThan(BigDecimal value) {
      return c("greater_than", value);
    }

    /**
     * A condition.
     *
     * @param value the value
     * @return the condition
     */
    public Criterion greaterEqual(BigDecimal value) {
      return c("greater_equal", value);
    }
  }

  /** Comparators of a date-time field. */
  public static final class DateTimeField {
    private final String field;

    DateTimeField(String field) {
      this.field = field;
    }

    private static String format(OffsetDateTime time) {
      if (Objects.requireNonNull(time, "time").getNano() != 0) {
        throw new IllegalArgumentException("Zoho's Bulk Read criteria take date-times without fractions of a "
            + "second; truncate " + time + " to seconds (time.truncatedTo(ChronoUnit.SECONDS))");
      }
      return time.format(IncrementalSync.ZOHO_TIME);
    }

    private Criterion c(String comparator, OffsetDateTime time) {
      return new Condition(field, comparator, JSON.getNodeFactory().textNode(format(time)));
    }

    /**
     * A condition.
     *
     * @param time whole seconds
     * @return the condition
     */
    public Criterion equal(OffsetDateTime time) {
      return c("equal", time);
    }

    /**
     * A condition.
     *
     * @param time whole seconds
     * @return the condition
     */
    public Criterion lessThan(OffsetDateTime time) {
      return c("less_than", time);
    }

    /**
     * A condition.
     *
     * @param time whole seconds
     * @return the condition
     */
    public Criterion lessEqual(OffsetDateTime time) {
      return c("less_equal", time);
    }

    /**
     * A condition.
     *
     * @param time whole seconds
     * @return the condition
     */
    public Criterion greaterThan(OffsetDateTime time) {
      return c("greater_than", time);
    }

    /**
     * A condition.
     *
     * @param time whole seconds
     * @return the condition
     */
    public Criterion greaterEqual(OffsetDateTime time) {
      return c("greater_equal", time);
    }

    /**
     * Between two date-times, both included.
     *
     * @param from whole seconds
     * @param to whole seconds
     * @return the condition
     */
    public Criterion between(OffsetDateTime from, OffsetDateTime to) {
      return new Condition(field, "between", JSON.createArrayNode().add(format(from)).add(format(to)));
    }

    /**
     * Outside two date-times.
     *
     * @param from whole seconds
     * @param to whole seconds
     * @return the condition
     */
    public Criterion notBetween(OffsetDateTime from, OffsetDateTime to) {
      return new Condition(field, "not_between", JSON.createArrayNode().add(format(from)).add(format(to)));
    }
  }

  /** Comparators of a lookup field, by id. */
  public static final class LookupField {
    private final String field;

    LookupField(String field) {
      this.field = field;
    }

    /**
     * A condition.
     *
     * @param id the related record's id
     * @return the condition
     */
    public Criterion equal(String id) {
      return new Condition(field, "equal", JSON.getNodeFactory().textNode(id));
    }

    /**
     * A condition.
     *
     * @param id the related record's id
     * @return the condition
     */
    public Criterion notEqual(String id) {
      return new Condition(field, "not_equal", JSON.getNodeFactory().textNode(id));
    }

    /**
     * A condition.
     *
     * @param ids the related records' ids
     * @return the condition
     */
    public Criterion in(Collection<String> ids) {
      return new Condition(field, "in", texts(ids));
    }

    /**
     * A condition.
     *
     * @param ids the related records' ids
     * @return the condition
     */
    public Criterion notIn(Collection<String> ids) {
      return new Condition(field, "not_in", texts(ids));
    }
  }
}
