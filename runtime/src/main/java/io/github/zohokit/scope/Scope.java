package io.github.zohokit.scope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One Zoho OAuth scope, such as {@code ZohoCRM.modules.leads.READ}: {@code Service.scope_name[.sub_scope].OPERATION}.
 *
 * <p>This class holds the one coverage rule every part of zohokit uses (the processor at compile time, the
 * runtime at start-up, the Maven plugin when it checks a stored token):
 *
 * <ul>
 *   <li>Scopes compare case-insensitively.
 *   <li>Operation {@code ALL} covers every operation ({@code READ}, {@code CREATE}, {@code UPDATE},
 *       {@code DELETE}, {@code WRITE}, ...) of the same resource; {@code WRITE} covers {@code CREATE},
 *       {@code UPDATE} and {@code DELETE}.
 *   <li>A scope on a resource covers its sub-resources: {@code ZohoCRM.modules.ALL} covers
 *       {@code ZohoCRM.modules.leads.READ}, {@code ZohoCRM.settings.READ} covers
 *       {@code ZohoCRM.settings.fields.READ}.
 * </ul>
 *
 * Scopes without an operation (the OpenID scopes {@code email}, {@code profile}, {@code openid}, or
 * {@code AaaServer.profile.Read}-style service scopes) are accepted and covered only by themselves.
 */
public final class Scope implements Comparable<Scope> {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_\\-]+");
  private static final Set<String> OPERATIONS = Set.of("ALL", "READ", "CREATE", "UPDATE", "DELETE", "WRITE", "CUSTOM");
  private static final Set<String> OPENID = Set.of("email", "profile", "openid");

  private final String value;
  private final List<String> resource;  // lower-cased: service, scope name, sub-scopes
  private final String operation;       // upper-cased; null for OpenID scopes

  private Scope(String value, List<String> resource, String operation) {
    this.value = value;
    this.resource = resource;
    this.operation = operation;
  }

  /**
   * Parses one scope.
   *
   * @param text the scope, such as {@code ZohoCRM.modules.leads.READ}; surrounding whitespace is ignored
   * @return the scope, keeping the spelling of {@code text}
   * @throws NullPointerException when {@code text} is null
   * @throws IllegalArgumentException naming the scope and the expected form when it is malformed
   */
  public static Scope parse(String text) {
    Objects.requireNonNull(text, "scope");
    String s = text.trim();
    if (OPENID.contains(s.toLowerCase(Locale.ROOT))) {
      return new Scope(s.toLowerCase(Locale.ROOT), List.of(s.toLowerCase(Locale.ROOT)), null);
    }
    String[] parts = s.split("\\.", -1);
    if (parts.length < 3) {
      throw malformed(text, "it needs at least a service, a scope name and an operation");
    }
    for (String part : parts) {
      if (!SEGMENT.matcher(part).matches()) {
        throw malformed(text, "'" + part + "' is not a valid segment (letters, digits, '_' or '-')");
      }
    }
    String op = parts[parts.length - 1].toUpperCase(Locale.ROOT);
    if (!OPERATIONS.contains(op)) {
      throw malformed(text, "the last segment '" + parts[parts.length - 1]
          + "' is not an operation; use one of ALL, READ, CREATE, UPDATE, DELETE");
    }
    List<String> resource = new ArrayList<>(parts.length - 1);
    for (int i = 0; i < parts.length - 1; i++) {
      resource.add(parts[i].toLowerCase(Locale.ROOT));
    }
    return new Scope(s, List.copyOf(resource), op);
  }

  private static IllegalArgumentException malformed(String text, String why) {
    return new IllegalArgumentException("malformed Zoho scope '" + text + "': " + why
        + " (expected Service.scope_name.OPERATION, for example ZohoCRM.modules.leads.READ)");
  }

  /**
   * Parses a list separated by commas (as Zoho requests use) or spaces (as Zoho responses use).
   *
   * @param text the scopes; null or blank gives an empty list
   * @return the scopes in the order written, duplicates kept
   * @throws IllegalArgumentException when one of them is malformed
   */
  public static List<Scope> parseList(String text) {
    List<Scope> scopes = new ArrayList<>();
    if (text == null) {
      return scopes;
    }
    for (String part : text.split("[,\\s]+")) {
      if (!part.isEmpty()) {
        scopes.add(parse(part));
      }
    }
    return scopes;
  }

  /**
   * Joins scopes with commas, the form Zoho's authorization and token requests take. Sorted, without duplicates.
   *
   * @param scopes the scopes; may be empty
   * @return the comma-joined scopes, empty for none
   */
  public static String join(Collection<Scope> scopes) {
    Set<Scope> sorted = new TreeSet<>(scopes);
    StringBuilder b = new StringBuilder();
    for (Scope scope : sorted) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(scope.value);
    }
    return b.toString();
  }

  /**
   * Whether this scope grants everything {@code required} grants.
   *
   * @param required the scope a call needs
   * @return true when this scope is {@code required} itself or a broader one
   */
  public boolean covers(Scope required) {
    if (operation == null || required.operation == null) {
      return operation == null && required.operation == null && resource.equals(required.resource);
    }
    if (required.resource.size() < resource.size()
        || !required.resource.subList(0, resource.size()).equals(resource)) {
      return false;
    }
    return operationCovers(operation, required.operation);
  }

  private static boolean operationCovers(String granted, String required) {
    if (granted.equals("ALL") || granted.equals(required)) {
      return true;
    }
    return granted.equals("WRITE")
        && (required.equals("CREATE") || required.equals("UPDATE") || required.equals("DELETE"));
  }

  /**
   * Whether any of {@code granted} covers {@code required}.
   *
   * @param granted the scopes granted
   * @param required the scope needed
   * @return true when at least one of {@code granted} covers {@code required}
   */
  public static boolean covered(Collection<Scope> granted, Scope required) {
    for (Scope g : granted) {
      if (g.covers(required)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The scopes of {@code required} that nothing in {@code granted} covers, sorted.
   *
   * @param granted the scopes granted
   * @param required the scopes needed
   * @return the uncovered scopes, without duplicates; empty when everything is covered
   */
  public static List<Scope> missing(Collection<Scope> granted, Collection<Scope> required) {
    List<Scope> missing = new ArrayList<>();
    for (Scope r : new TreeSet<>(required)) {
      if (!covered(granted, r)) {
        missing.add(r);
      }
    }
    return missing;
  }

  /**
   * The smallest set that grants what {@code scopes} grant: every scope no other one of them covers (no
   * {@code ZohoCRM.modules.leads.READ} next to {@code ZohoCRM.modules.leads.ALL}). What the Maven plugin requests
   * and Login with Zoho asks for.
   *
   * @param scopes the scopes needed; may be empty
   * @return the minimal scopes, sorted, without duplicates
   */
  public static List<Scope> minimal(Collection<Scope> scopes) {
    Set<Scope> sorted = new TreeSet<>(scopes);
    List<Scope> kept = new ArrayList<>();
    for (Scope s : sorted) {
      boolean covered = false;
      for (Scope other : sorted) {
        if (!other.equals(s) && other.covers(s)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        kept.add(s);
      }
    }
    return kept;
  }

  /**
   * The service, for example {@code zohocrm}, lower-cased.
   *
   * @return the service name, never null
   */
  public String service() {
    return resource.get(0);
  }

  /**
   * The operation, upper-cased ({@code READ}, {@code ALL}, ...); {@code null} for OpenID scopes.
   *
   * @return the operation, or null
   */
  public String operation() {
    return operation;
  }

  /** The scope as written. */
  @Override
  public String toString() {
    return value;
  }

  private String canonical() {
    return operation == null ? resource.get(0) : String.join(".", resource) + "." + operation;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scope && canonical().equals(((Scope) o).canonical());
  }

  @Override
  public int hashCode() {
    return canonical().hashCode();
  }

  @Override
  public int compareTo(Scope o) {
    return canonical().compareTo(o.canonical());
  }

  /**
   * Every scope in {@code scopes}, each element itself a comma- or space-separated list.
   *
   * @param scopes scope strings, each one scope or a comma- or space-separated list
   * @return the scopes, in order
   * @throws IllegalArgumentException when there is none, or one is not a scope
   */
  public static List<Scope> parseAll(Collection<String> scopes) {
    Objects.requireNonNull(scopes, "scopes");
    List<Scope> parsed = new ArrayList<>();
    for (String scope : scopes) {
      parsed.addAll(parseList(scope));
    }
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("no scopes given; name at least one, for example ZohoCRM.modules.ALL");
    }
    return parsed;
  }
}
