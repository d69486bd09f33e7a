package io.github.zohokit.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/** How Zoho's API names and labels become Java names. */
final class Names {
  /**
   * Names a record component cannot take: they would clash with the record's own methods ({@code create()},
   * {@code toWrite()}), hide the local {@code write} of its generated methods, or be illegal.
   */
  static final Set<String> RESERVED_COMPONENTS = Set.of("otherFields", "hashCode", "toString", "equals", "getClass",
      "notify", "notifyAll", "wait", "clone", "finalize", "_", "var", "yield", "record", "sealed", "permits",
      "non", "create", "toWrite", "write");

  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");
  private static final Pattern NOT_UPPER_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]+");
  private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");

  private Names() {}

  /** {@code Sales Order (EU)} → {@code Sales_Order_EU_}: every run of characters other than letters and digits as one {@code _}. */
  static String underscored(String text) {
    return NOT_ALPHANUMERIC.matcher(text).replaceAll("_");
  }

  /** {@code Last_Name} → {@code lastName}, {@code Skype_ID} → {@code skypeId}, {@code mableOne} kept. */
  static String lowerCamel(String apiName) {
    String name = stripSystemSuffix(apiName);
    List<String> parts = new ArrayList<>();
    for (String part : NOT_ALPHANUMERIC.split(name)) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    if (parts.isEmpty()) {
      return "field";
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      boolean allUpper = part.equals(part.toUpperCase(Locale.ROOT));
      if (i == 0) {
        s.append(allUpper ? part.toLowerCase(Locale.ROOT)
            : Character.toLowerCase(part.charAt(0)) + part.substring(1));
      } else {
        s.append(Character.toUpperCase(part.charAt(0)))
            .append(allUpper ? part.substring(1).toLowerCase(Locale.ROOT) : part.substring(1));
      }
    }
    String result = s.toString();
    if (Character.isDigit(result.charAt(0))) {
      result = "_" + result;
    }
    return result;
  }

  /**
   * A legal component name: keywords, restricted identifiers, the record's own method names and {@code packages} get
   * a {@code _}.
   *
   * @param candidate the name wanted
   * @param packages the first segments of the packages whose names the generated code may write qualified in an
   *     expression ({@code java.util.Objects.requireNonNull(...)} where a nested type named {@code Objects} hides the
   *     import): a component, a field of the whole record body, named {@code java} would obscure the package there
   *     (JLS 6.4.2), and the file would not compile
   */
  static String component(String candidate, Set<String> packages) {
    if (SourceVersion.isKeyword(candidate) || RESERVED_COMPONENTS.contains(candidate)
        || packages.contains(candidate)) {
      return candidate + "_";
    }
    return candidate;
  }

  /** {@code lead source} / {@code Lead_Source} → {@code LeadSource}. */
  static String upperCamel(String text) {
    String lower = lowerCamel(text);
    if (lower.startsWith("_")) {
      return "N" + lower.substring(1);
    }
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** {@code lastName} → {@code LAST_NAME}; {@code default_} → {@code DEFAULT}. */
  static String constant(String component) {
    String name = component.endsWith("_") ? component.substring(0, component.length() - 1) : component;
    if (name.startsWith("_")) {
      name = name.substring(1);
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
        s.append('_');
      }
      s.append(Character.toUpperCase(c));
    }
    String result = s.toString();
    return result.isEmpty() || Character.isDigit(result.charAt(0)) ? "_" + result : result;
  }

  /** A picklist option's constant: {@code Web Download} → {@code WEB_DOWNLOAD}, {@code -None-} → {@code NONE}. */
  static String optionConstant(String displayValue) {
    String s = EDGE_UNDERSCORES.matcher(NOT_UPPER_ALPHANUMERIC.matcher(displayValue.toUpperCase(Locale.ROOT))
        .replaceAll("_")).replaceAll("");
    if (s.isEmpty()) {
      return "";
    }
    return Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }

  /** The module's API name without Zoho's {@code __c} (custom) and {@code __s} (system) suffixes. */
  static String stripSystemSuffix(String apiName) {
    if (apiName.endsWith("__s") || apiName.endsWith("__c")) {
      return apiName.substring(0, apiName.length() - 3);
    }
    return apiName;
  }
}
