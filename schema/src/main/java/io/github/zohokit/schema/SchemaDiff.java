package io.github.zohokit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.schema.Change.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every difference between a committed snapshot and the live organisation, in one pass, classified. Modules are
 * matched by API name (then by id, so a renamed custom module is a rename), fields by id (so a new API name with the
 * same id is a rename, not a removal and an addition), then by API name.
 */
public final class SchemaDiff {
  private SchemaDiff() {}

  /**
   * Compares two snapshots.
   *
   * @param committed the snapshot the code was generated from
   * @param live the live organisation's metadata, normalised the same way
   * @return the drift; when the two name different organisations or data centres, only that
   */
  public static Drift compare(Snapshot committed, Snapshot live) {
    if (!committed.org().sameOrgAs(live.org())) {
      return new Drift(committed.org(), live.org(), "The token belongs to organisation " + live.org().orgId()
          + " in data centre " + live.org().dataCenter() + ", but the snapshot is of organisation "
          + committed.org().orgId() + " in data centre " + committed.org().dataCenter() + ". Check zoho.dataCenter "
          + "and the stored token (mvn zoho:token-status); nothing was compared", List.of());
    }
    List<Change> changes = new ArrayList<>();
    Map<String, ModuleSchema> liveById = new HashMap<>();
    for (ModuleSchema m : live.modules()) {
      if (m.id() != null) {
        liveById.put(m.id(), m);
      }
    }
    Set<String> matchedLive = new LinkedHashSet<>();
    for (ModuleSchema before : committed.modules()) {
      ModuleSchema after = live.module(before.apiName()).orElse(null);
      if (after == null && before.id() != null) {
        after = liveById.get(before.id());
        if (after != null && live.module(after.apiName()).isPresent()
            && committed.module(after.apiName()).isPresent()) {
          after = null;
        }
      }
      if (after == null) {
        changes.add(new Change(Severity.BREAKING, "module-removed", before.apiName(), null, null, before.apiName(),
            null));
        continue;
      }
      matchedLive.add(after.apiName());
      if (!after.apiName().equals(before.apiName())) {
        changes.add(new Change(Severity.BREAKING, "module-renamed", before.apiName(), null, null, before.apiName(),
            after.apiName()));
      }
      compareModules(before, after, changes);
    }
    for (ModuleSchema after : live.modules()) {
      if (!matchedLive.contains(after.apiName())) {
        changes.add(new Change(Severity.ADDITIVE, "module-added", after.apiName(), null, null, null,
            after.apiName()));
      }
    }
    return new Drift(committed.org(), live.org(), null, changes);
  }

  private static void compareModules(ModuleSchema before, ModuleSchema after, List<Change> changes) {
    String module = before.apiName();
    if (before.apiSupported() && !after.apiSupported()) {
      changes.add(new Change(Severity.BREAKING, "module-not-api-supported", module, null, null, "true", "false"));
    }
    for (String key : new String[] {"singular_label", "plural_label", "module_name", "status", "generated_type"}) {
      String b = text(before.json(), key);
      String a = text(after.json(), key);
      if (!Objects.equals(a, b)) {
        changes.add(new Change(Severity.COSMETIC, key.replace('_', '-') + "-changed", module, null, null, b, a));
      }
    }
    Map<String, FieldSchema> afterById = new HashMap<>();
    Map<String, FieldSchema> afterByName = new HashMap<>();
    for (FieldSchema f : after.fields()) {
      if (f.id() != null) {
        afterById.put(f.id(), f);
      }
      afterByName.put(f.apiName(), f);
    }
    Set<String> matched = new LinkedHashSet<>();
    for (FieldSchema b : before.fields()) {
      FieldSchema a = b.id() != null && afterById.containsKey(b.id()) ? afterById.get(b.id())
          : afterByName.get(b.apiName());
      if (a == null || matched.contains(a.apiName())) {
        changes.add(new Change(Severity.BREAKING, "field-removed", module, b.apiName(), b.id(), b.dataType(), null));
        continue;
      }
      matched.add(a.apiName());
      compareFields(module, b, a, changes);
    }
    for (FieldSchema a : after.fields()) {
      if (!matched.contains(a.apiName())) {
        changes.add(new Change(Severity.ADDITIVE, "field-added", module, a.apiName(), a.id(), null, a.dataType()));
      }
    }
  }

  private static void compareFields(String module, FieldSchema b, FieldSchema a, List<Change> changes) {
    String name = b.apiName();
    String id = b.id();
    Set<String> handled = new TreeSet<>(Set.of("api_name", "id", "data_type", "json_type", "lookup",
        "field_read_only", "operation_type", "system_mandatory", "pick_list_values", "length", "field_label"));
    if (!a.apiName().equals(b.apiName())) {
      changes.add(new Change(Severity.BREAKING, "field-renamed", module, name, id, b.apiName(), a.apiName()));
    }
    if (!Objects.equals(a.dataType(), b.dataType()) || !Objects.equals(a.jsonType(), b.jsonType())) {
      changes.add(new Change(Severity.BREAKING, "type-changed", module, name, id, b.dataType() + "/" + b.jsonType(),
          a.dataType() + "/" + a.jsonType()));
    }
    if (!Objects.equals(a.lookupModule(), b.lookupModule())) {
      changes.add(new Change(Severity.BREAKING, "lookup-target-changed", module, name, id, b.lookupModule(),
          a.lookupModule()));
    }
    if (writable(b, true) && !writable(a, true) || writable(b, false) && !writable(a, false)
        || !b.fieldReadOnly() && a.fieldReadOnly()) {
      changes.add(new Change(Severity.BREAKING, "became-read-only", module, name, id, access(b), access(a)));
    } else if (!access(a).equals(access(b))) {
      changes.add(new Change(Severity.ADDITIVE, "became-writable", module, name, id, access(b), access(a)));
    }
    if (a.systemMandatory() != b.systemMandatory()) {
      changes.add(new Change(a.systemMandatory() ? Severity.BREAKING : Severity.ADDITIVE,
          a.systemMandatory() ? "became-mandatory" : "became-optional", module, name, id,
          String.valueOf(b.systemMandatory()), String.valueOf(a.systemMandatory())));
    }
    Set<String> beforeValues = new LinkedHashSet<>();
    b.picklist().forEach(o -> beforeValues.add(o.displayValue()));
    Set<String> afterValues = new LinkedHashSet<>();
    a.picklist().forEach(o -> afterValues.add(o.displayValue()));
    for (String v : beforeValues) {
      if (!afterValues.contains(v)) {
        changes.add(new Change(Severity.BREAKING, "picklist-value-removed", module, name, id, v, null));
      }
    }
    for (String v : afterValues) {
      if (!beforeValues.contains(v)) {
        changes.add(new Change(Severity.ADDITIVE, "picklist-value-added", module, name, id, null, v));
      }
    }
    if (beforeValues.equals(afterValues) && !Objects.equals(b.json().get("pick_list_values"),
        a.json().get("pick_list_values"))) {
      changes.add(new Change(Severity.COSMETIC, "picklist-options-changed", module, name, id,
          String.valueOf(b.json().get("pick_list_values")), String.valueOf(a.json().get("pick_list_values"))));
    }
    if (!Objects.equals(a.length(), b.length())) {
      boolean shorter = a.length() != null && b.length() != null && a.length() < b.length();
      changes.add(new Change(shorter ? Severity.BREAKING : Severity.COSMETIC,
          shorter ? "length-decreased" : "length-increased", module, name, id, String.valueOf(b.length()),
          String.valueOf(a.length())));
    }
    if (!Objects.equals(a.label(), b.label())) {
      changes.add(new Change(Severity.COSMETIC, "label-changed", module, name, id, b.label(), a.label()));
    }
    Set<String> rest = new TreeSet<>();
    b.json().fieldNames().forEachRemaining(rest::add);
    a.json().fieldNames().forEachRemaining(rest::add);
    rest.removeAll(handled);
    for (String key : rest) {
      JsonNode bv = b.json().get(key);
      JsonNode av = a.json().get(key);
      if (!Objects.equals(bv, av)) {
        changes.add(new Change(Severity.COSMETIC, key.replace('_', '-') + "-changed", module, name, id,
            bv == null ? null : bv.toString(), av == null ? null : av.toString()));
      }
    }
  }

  /** Whether a client may set the field on create (or update): not read-only, and the API operation allowed. */
  static boolean writable(FieldSchema f, boolean create) {
    Boolean api = create ? f.apiCreate() : f.apiUpdate();
    return !f.virtual() && (api != null ? api : !f.fieldReadOnly());
  }

  private static String access(FieldSchema f) {
    return "field_read_only=" + f.fieldReadOnly() + ", api_create=" + f.apiCreate() + ", api_update=" + f.apiUpdate();
  }

  private static String text(ObjectNode json, String key) {
    JsonNode v = json.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }
}
