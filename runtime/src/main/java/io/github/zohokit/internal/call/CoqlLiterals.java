package io.github.zohokit.internal.call;

import java.lang.reflect.Array;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Not API: may change in any release. Writes the arguments of a {@code @Coql} method as COQL literals, so that a
 * value is never pasted into the statement as text: the generated method joins the statement's constant pieces
 * with {@link #literal(String, Object)} of each bound parameter, and sends {@link #body(String)}.
 *
 * <p>Text goes in single quotes with each {@code '} inside doubled (Zoho's COQL FAQ, "Kaizen #171: FAQs on COQL
 * API", help.zoho.com/portal/en/community/topic/kaizen-171-faqs-on-coql-api, question 3: "escape the single quote in
 * the value by adding another single quote", example {@code 1'' 2}). Text with a backslash is refused: Zoho
 * documents no meaning for it, and were it an escape character, {@code \'} could end the literal early. Numbers and
 * booleans are written bare, dates as {@code 'yyyy-MM-dd'} and date-times as {@code 'yyyy-MM-ddTHH:mm:ss+hh:mm'}
 * (COQL-Overview.html under {@code https://www.zoho.com/crm/developer/docs/api/v8/}: the formats of the date and
 * datetime fields), a collection or array as {@code v1, v2, ...} for {@code in (...)}.
 */
public final class CoqlLiterals {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private CoqlLiterals() {}

  /**
   * The JSON body of the Query API call.
   *
   * @param selectQuery the statement with every argument written in
   * @return {@code {"select_query": selectQuery}}
   */
  public static Map<String, String> body(String selectQuery) {
    return Map.of("select_query", selectQuery);
  }

  /**
   * {@code value} as a COQL literal.
   *
   * @param parameter the parameter's name, for the message of a null value
   * @param value the argument
   * @return the literal, for example {@code 'O''Brien'}, {@code 42}, {@code '2026-12-01'}
   * @throws IllegalArgumentException when {@code value} (or an element of it) is null or an empty collection
   */
  public static String literal(String parameter, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("the COQL parameter :" + parameter + " is null; COQL has no null literal "
          + "to compare with: write 'is null' in the statement instead");
    }
    if (value instanceof Iterable<?> || value.getClass().isArray()) {
      StringBuilder list = new StringBuilder();
      if (value instanceof Iterable<?> iterable) {
        for (Object element : iterable) {
          list.append(list.length() == 0 ? "" : ", ").append(single(parameter, element));
        }
      } else {
        for (int i = 0; i < Array.getLength(value); i++) {
          list.append(i == 0 ? "" : ", ").append(single(parameter, Array.get(value, i)));
        }
      }
      if (list.length() == 0) {
        throw new IllegalArgumentException("the COQL parameter :" + parameter + " is an empty list; 'in ()' is not "
            + "valid COQL: do not call the query with no values");
      }
      return list.toString();
    }
    return single(parameter, value);
  }

  private static String single(String parameter, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("the COQL parameter :" + parameter + " holds a null element");
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof LocalDate date) {
      return "'" + date + "'";
    }
    if (value instanceof OffsetDateTime dateTime) {
      return "'" + DATE_TIME.format(dateTime.truncatedTo(ChronoUnit.SECONDS)) + "'";
    }
    String text = value.toString();
    if (text.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("the COQL parameter :" + parameter + " contains a backslash; Zoho documents "
          + "no meaning for it inside a COQL literal, so zohokit does not send it (it could end the literal early): "
          + "filter such values in Java, or use the search API");
    }
    return quoted(text);
  }

  /** {@code text} in single quotes, each {@code '} inside doubled. */
  static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
