package io.github.zohokit.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.schema.Change.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What {@link SchemaDiff} found: every change grouped by module, or that the live metadata is of another
 * organisation or data centre.
 */
public final class Drift {
  private final OrgInfo committed;
  private final OrgInfo live;
  private final String otherOrg;
  private final List<Change> changes;

  Drift(OrgInfo committed, OrgInfo live, String otherOrg, List<Change> changes) {
    this.committed = committed;
    this.live = live;
    this.otherOrg = otherOrg;
    this.changes = List.copyOf(changes);
  }

  /** When the check fails the build. */
  public enum FailOn {
    /** On any breaking change that is not ignored (the default). */
    BREAKING,
    /** On any change that is not ignored. */
    ANY,
    /** Never; the report is still written. */
    NONE;

    /**
     * Parses a {@code failOn} parameter.
     *
     * @param value {@code breaking}, {@code any} or {@code none}, any case
     * @return the value
     * @throws IllegalArgumentException for anything else
     */
    public static FailOn parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("failOn must be breaking, any or none, not " + value, e);
      }
    }
  }

  /**
   * Every change, in module order, module-level changes first.
   *
   * @return the changes; empty when nothing changed (or for another organisation)
   */
  public List<Change> changes() {
    return changes;
  }

  /**
   * Why nothing was compared, when the live metadata is of another organisation or data centre.
   *
   * @return the message, or null when the organisations match
   */
  public String otherOrganisation() {
    return otherOrg;
  }

  /**
   * The changes grouped by module.
   *
   * @return module API name to its changes, sorted by module
   */
  public Map<String, List<Change>> byModule() {
    Map<String, List<Change>> grouped = new TreeMap<>();
    for (Change c : changes) {
      grouped.computeIfAbsent(c.module(), m -> new ArrayList<>()).add(c);
    }
    return grouped;
  }

  /**
   * The changes that fail the build.
   *
   * @param failOn the policy
   * @param ignore patterns of {@link Change#key()} to leave out, {@code *} matching any text
   *     ({@code Leads.*:field-added}, {@code *:label-changed}, {@code Leads.Tag}: without {@code :} any change of
   *     that field or module)
   * @return the failing changes; empty when the build may go on. For another organisation, one change with code
   *     {@code other-organisation} unless {@code failOn} is none.
   */
  public List<Change> failures(FailOn failOn, List<String> ignore) {
    if (failOn == FailOn.NONE) {
      return List.of();
    }
    if (otherOrg != null) {
      return List.of(new Change(Severity.BREAKING, "other-organisation", "*", null, null,
          committed.orgId() + "/" + committed.dataCenter(), live.orgId() + "/" + live.dataCenter()));
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String p : ignore) {
      String pattern = p.trim();
      if (pattern.isEmpty()) {
        continue;
      }
      if (!pattern.contains(":")) {
        pattern = pattern + ":*";
      }
      List<String> parts = new ArrayList<>();
      for (String part : pattern.split("\\*", -1)) {
        parts.add(Pattern.quote(part));
      }
      String regex = String.join(".*", parts);
      patterns.add(Pattern.compile(regex));
    }
    List<Change> failing = new ArrayList<>();
    for (Change c : changes) {
      if (failOn == FailOn.BREAKING && c.severity() != Severity.BREAKING) {
        continue;
      }
      if (patterns.stream().noneMatch(p -> p.matcher(c.key()).matches())) {
        failing.add(c);
      }
    }
    return Collections.unmodifiableList(failing);
  }

  /**
   * The report for the build log: counts, then each module's changes.
   *
   * @return the lines
   */
  public List<String> report() {
    List<String> lines = new ArrayList<>();
    if (otherOrg != null) {
      lines.add(otherOrg);
      return lines;
    }
    if (changes.isEmpty()) {
      lines.add("The organisation matches the snapshot: no changes");
      return lines;
    }
    lines.add(count(Severity.BREAKING) + " breaking, " + count(Severity.ADDITIVE) + " additive, "
        + count(Severity.COSMETIC) + " cosmetic changes:");
    byModule().forEach((module, list) -> {
      lines.add("  " + module + ":");
      list.forEach(c -> lines.add("    " + c.describe()));
    });
    return lines;
  }

  private long count(Severity severity) {
    return changes.stream().filter(c -> c.severity() == severity).count();
  }

  /**
   * The machine-readable report ({@code target/zohokit/schema-drift.json}).
   *
   * @return the JSON, keys in a fixed order
   */
  public String toJson() {
    ObjectNode json = CanonicalJson.MAPPER.createObjectNode();
    json.set("snapshot_org", org(committed));
    json.set("live_org", org(live));
    if (otherOrg != null) {
      json.put("other_organisation", otherOrg);
    }
    ObjectNode summary = json.putObject("summary");
    for (Severity s : Severity.values()) {
      summary.put(s.name().toLowerCase(Locale.ROOT), count(s));
    }
    ObjectNode modules = json.putObject("modules");
    byModule().forEach((module, list) -> {
      ArrayNode array = modules.putArray(module);
      for (Change c : list) {
        ObjectNode o = array.addObject().put("severity", c.severity().name().toLowerCase(Locale.ROOT))
            .put("code", c.code());
        if (c.field() != null) {
          o.put("field", c.field());
        }
        if (c.fieldId() != null) {
          o.put("field_id", c.fieldId());
        }
        if (c.before() != null) {
          o.put("before", c.before());
        }
        if (c.after() != null) {
          o.put("after", c.after());
        }
        o.put("key", c.key());
      }
    });
    return CanonicalJson.write(json);
  }

  private static ObjectNode org(OrgInfo org) {
    ObjectNode o = CanonicalJson.MAPPER.createObjectNode();
    if (org.orgId() != null) {
      o.put("org_id", org.orgId());
    }
    if (org.dataCenter() != null) {
      o.put("data_center", org.dataCenter());
    }
    if (org.fetchedAt() != null) {
      o.put("fetched_at", org.fetchedAt());
    }
    return o;
  }
}
