package io.github.zohokit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the selected modules' metadata into a {@link Snapshot}: {@code GET /settings/modules} once, then
 * {@code GET /settings/fields?module=} per selected module and per module they need: the rows of their subforms and
 * the linking modules of their multi-select lookups. Lookup targets are recorded by name only
 * ({@code lookup.module.api_name}); they are fetched only when selected.
 */
public final class SchemaFetcher {
  private final MetadataSource source;
  private final Consumer<String> notes;

  /**
   * A fetcher.
   *
   * @param source where the answers come from
   * @param notes receives one line per module skipped or followed, for the build log
   */
  public SchemaFetcher(MetadataSource source, Consumer<String> notes) {
    this.source = source;
    this.notes = notes;
  }

  /**
   * Fetches the modules {@code selection} names.
   *
   * @param selection module API names; {@code *} for every API-supported module; {@code !Name} excludes a module
   *     (excludes win); matching is case-insensitive, as Zoho's
   * @param toolVersion the zohokit version to record
   * @param fetchedAt the time to record, ISO-8601 UTC
   * @return the snapshot
   * @throws SchemaException when a module named explicitly does not exist in the organisation
   */
  public Snapshot fetch(List<String> selection, String toolVersion, String fetchedAt) {
    Map<String, JsonNode> all = new LinkedHashMap<>();
    for (JsonNode m : source.modules().path("modules")) {
      if (m.path("api_name").isTextual()) {
        all.put(m.path("api_name").asText().toLowerCase(Locale.ROOT), m);
      }
    }
    Set<String> excluded = new LinkedHashSet<>();
    Set<String> wanted = new LinkedHashSet<>();
    boolean star = false;
    for (String s : selection) {
      String name = s.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (name.startsWith("!")) {
        excluded.add(name.substring(1).trim().toLowerCase(Locale.ROOT));
      } else if (name.equals("*")) {
        star = true;
      } else {
        if (!all.containsKey(name.toLowerCase(Locale.ROOT))) {
          throw new SchemaException("Module " + name + " is not in the organisation; its modules are "
              + String.join(", ", all.values().stream().map(m -> m.path("api_name").asText()).toList())
              + ". Fix the modules parameter (API names, not labels)");
        }
        wanted.add(name.toLowerCase(Locale.ROOT));
      }
    }
    if (star) {
      for (Map.Entry<String, JsonNode> e : all.entrySet()) {
        String generated = e.getValue().path("generated_type").asText("");
        if (!generated.equals("linking") && !generated.equals("subform")) {
          wanted.add(e.getKey());
        }
      }
    }
    wanted.removeAll(excluded);
    Deque<String> queue = new ArrayDeque<>(wanted);
    Set<String> done = new LinkedHashSet<>();
    List<ModuleSchema> modules = new ArrayList<>();
    while (!queue.isEmpty()) {
      String key = queue.poll();
      if (!done.add(key)) {
        continue;
      }
      JsonNode meta = all.get(key);
      if (meta == null) {
        continue;
      }
      String apiName = meta.path("api_name").asText();
      // a subform's module is read for its fields, which the parent's subform field holds, even where Zoho marks the
      // module itself as not supported by the API (its rows are written through the parent, never on their own)
      boolean subform = "subform".equals(meta.path("generated_type").asText());
      if (!subform && meta.has("api_supported") && !meta.path("api_supported").asBoolean()) {
        notes.accept("Skipped " + apiName + ": Zoho marks it as not supported by the API (api_supported false)");
        continue;
      }
      ModuleSchema module = ModuleSchema.fromZoho(meta, source.fields(apiName));
      modules.add(module);
      for (FieldSchema f : module.fields()) {
        String follow = null;
        if ("subform".equals(f.dataType()) && f.associatedModule() != null) {
          follow = f.associatedModule();
        } else if (f.linkingModule() != null) {
          follow = f.linkingModule();
        }
        if (follow != null) {
          String followKey = follow.toLowerCase(Locale.ROOT);
          if (excluded.contains(followKey) || done.contains(followKey)) {
            continue;
          }
          if (!all.containsKey(followKey)) {
            ObjectNode standIn = CanonicalJson.MAPPER.createObjectNode().put("api_name", follow)
                .put("generated_type", "subform".equals(f.dataType()) ? "subform" : "linking");
            all.put(followKey, standIn);
          }
          notes.accept("Following " + follow + " (" + ("subform".equals(f.dataType()) ? "subform" : "linking module")
              + " of " + apiName + "." + f.apiName() + ")");
          queue.add(followKey);
        }
      }
    }
    OrgInfo org = source.org();
    return new Snapshot(new OrgInfo(org.orgId(), org.dataCenter(), "v8", fetchedAt, toolVersion), modules);
  }

  /**
   * {@code fresh} as it should be written over {@code previous}: when no module changed and the organisation is the
   * same, {@code org.json} keeps the previous fetch time and tool version, so an unchanged organisation changes no
   * byte.
   *
   * @param fresh the snapshot just fetched
   * @param previous the committed snapshot, or null
   * @return the snapshot to write
   */
  public static Snapshot keepUnchangedOrg(Snapshot fresh, Snapshot previous) {
    if (previous == null || !fresh.sameModulesAs(previous)) {
      return fresh;
    }
    OrgInfo f = fresh.org();
    OrgInfo p = previous.org();
    if (java.util.Objects.equals(f.orgId(), p.orgId()) && java.util.Objects.equals(f.dataCenter(), p.dataCenter())
        && java.util.Objects.equals(f.apiVersion(), p.apiVersion())) {
      return fresh.withOrg(p);
    }
    return fresh;
  }
}
