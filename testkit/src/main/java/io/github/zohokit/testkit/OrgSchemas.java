package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The fake following a committed schema snapshot (zohokit's {@code zoho:schema} output: {@code org.json} and
 * {@code modules/<api_name>.json}, in Zoho's own shape): its modules and fields are what the settings API answers,
 * its modules accept records, and writes are checked as Zoho checks them — a value of the wrong JSON type is
 * {@code INVALID_DATA} with the field's {@code api_name} and {@code expected_data_type}, a missing system-mandatory
 * field on insert {@code MANDATORY_NOT_FOUND}, read-only fields are not written, a picklist value the snapshot does
 * not know is accepted, and a lookup is stored (and answered) as {@code {"id", "name"}}.
 */
final class OrgSchemas {
  private static final Map<Crm, Map<DataCenter, Schema>> SCHEMAS = Collections.synchronizedMap(new WeakHashMap<>());

  private OrgSchemas() {}

  /** A snapshot's modules by lower-cased API name, each with its {@code fields}. */
  record Schema(String orgId, Map<String, ObjectNode> modules) {}

  static Schema read(Path dir) {
    try {
      JsonNode org = Http.JSON.readTree(dir.resolve("org.json").toFile());
      Map<String, ObjectNode> modules = new LinkedHashMap<>();
      for (JsonNode name : org.path("modules")) {
        Path file = dir.resolve("modules").resolve(name.asText() + ".json");
        JsonNode module = Http.JSON.readTree(file.toFile());
        if (!module.isObject() || !module.path("fields").isArray()) {
          throw new IllegalArgumentException(file + ": not a zohokit snapshot module file (no fields array)");
        }
        modules.put(name.asText().toLowerCase(Locale.ROOT), (ObjectNode) module);
      }
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(dir + " is not a directory");
      }
      return new Schema(org.path("org_id").asText(null), modules);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema snapshot " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Makes {@code dc}'s organisation follow {@code schema}: its modules, mandatory fields and org id. */
  static void install(Crm crm, DataCenter dc, Schema schema) {
    Crm.Org org = crm.org(dc);
    synchronized (crm) {
      for (ObjectNode m : schema.modules().values()) {
        if ("subform".equals(m.path("generated_type").asText())) {
          continue;
        }
        String apiName = m.path("api_name").asText();
        List<String> mandatory = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode f : m.path("fields")) {
          types.put(f.path("api_name").asText(), f.path("data_type").asText());
          if (f.path("system_mandatory").asBoolean()) {
            mandatory.add(f.path("api_name").asText());
          }
        }
        if (mandatory.isEmpty()) {
          mandatory.add(types.containsKey("Name") ? "Name" : "id");
        }
        Crm.Module existing = org.modules.get(apiName.toLowerCase(Locale.ROOT));
        Crm.Module module = new Crm.Module(m.path("id").asText(existing == null ? apiName : existing.id), apiName,
            m.path("singular_label").asText(apiName), mandatory);
        module.fieldTypes.putAll(types);
        if (existing != null) {
          module.records.putAll(existing.records);
          module.deleted.addAll(existing.deleted);
        }
        org.modules.put(apiName.toLowerCase(Locale.ROOT), module);
      }
      if (schema.orgId() != null) {
        org.info.put("id", schema.orgId());
      }
    }
    SCHEMAS.computeIfAbsent(crm, c -> Collections.synchronizedMap(new java.util.EnumMap<>(DataCenter.class)))
        .put(dc, schema);
  }

  private static Schema schema(Crm crm, DataCenter dc) {
    Map<DataCenter, Schema> byDc = SCHEMAS.get(crm);
    return byDc == null ? null : byDc.get(dc);
  }

  /**
   * Answers {@code /settings/modules} and {@code /settings/fields} from the snapshot, each object completed to Zoho's
   * documented shape ({@link ZohoShapes}: the snapshot's values, neutral values for the keys zoho:schema does not
   * keep); false when there is none, or for the other settings (layouts, related lists), which the fake builds from
   * the modules the snapshot installed.
   */
  static boolean answerSettings(Crm crm, DataCenter dc, Http http, String[] s) throws IOException {
    Schema schema = schema(crm, dc);
    if (schema == null) {
      return false;
    }
    ObjectNode body = Http.JSON.createObjectNode();
    if (s[3].equals("modules")) {
      ArrayNode modules = body.putArray("modules");
      for (ObjectNode m : schema.modules().values()) {
        if (s.length > 4 && !m.path("api_name").asText().equalsIgnoreCase(s[4])) {
          continue;
        }
        ObjectNode meta = m.deepCopy();
        meta.remove("fields");
        // what Zoho adds for the token's user; dropped again by zoho:schema
        meta.put("creatable", true).put("editable", true).put("deletable", true).put("viewable", true);
        if (!meta.has("module_name")) {
          meta.put("module_name", meta.path("api_name").asText());
        }
        if (!meta.has("api_supported")) {
          // a snapshot written by hand may leave it out; the modules a snapshot holds are the ones its code uses
          meta.put("api_supported", true);
        }
        modules.add((s.length > 4 ? ZohoShapes.MODULE : ZohoShapes.MODULE_SUMMARY).fill(meta));
      }
      if (s.length > 4 && modules.isEmpty()) {
        throw ZohoError.invalidModule(2);
      }
      ZohoShapes.Shape shape = s.length > 4 ? ZohoShapes.MODULE_ANSWER : ZohoShapes.MODULES_ANSWER;
      http.json(200, body, shape);
      return true;
    } else if (s[3].equals("fields")) {
      String name = http.param("module");
      if (name == null) {
        throw ZohoError.missingParam("module");
      }
      ObjectNode m = schema.modules().get(name.toLowerCase(Locale.ROOT));
      if (m == null) {
        throw ZohoError.invalidParam("module", "the module name given seems to be invalid");
      }
      ArrayNode fields = body.putArray("fields");
      for (JsonNode f : m.path("fields")) {
        ObjectNode field = f.deepCopy();
        field.put("read_only", f.path("field_read_only").asBoolean()).put("visible", true);
        if (!field.has("field_label")) {
          field.put("field_label", field.path("api_name").asText().replace('_', ' '));
        }
        if (!field.has("display_label")) {
          field.put("display_label", field.path("field_label").asText());
        }
        fields.add(ZohoShapes.FIELD.fill(field));
      }
      http.json(200, body, ZohoShapes.FIELDS_ANSWER);
      return true;
    }
    return false;
  }

  /** {@link Crm#write} with each record first checked against the snapshot, as Zoho checks it. */
  static ArrayNode write(Crm crm, DataCenter dc, Crm.Org org, Crm.Module module, Crm.Write kind, String pathId,
      JsonNode data, List<String> duplicateCheck) {
    Schema schema = schema(crm, dc);
    ObjectNode meta = schema == null ? null : schema.modules().get(module.apiName.toLowerCase(Locale.ROOT));
    if (meta == null) {
      return crm.write(org, module, kind, pathId, data, duplicateCheck);
    }
    ArrayNode results = Http.JSON.createArrayNode();
    int index = 0;
    for (JsonNode item : data) {
      ObjectNode failure = item.isObject() ? check(crm, dc, meta, (ObjectNode) item, kind, index) : null;
      if (failure != null) {
        results.add(failure);
      } else {
        results.addAll(crm.write(org, module, kind, pathId, Http.JSON.createArrayNode().add(item), duplicateCheck));
      }
      index++;
    }
    return results;
  }

  /** Checks (and adjusts: read-only fields dropped, lookups named) one record; its failure or null. */
  private static ObjectNode check(Crm crm, DataCenter dc, ObjectNode meta, ObjectNode record, Crm.Write kind,
      int index) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    meta.path("fields").forEach(f -> fields.put(f.path("api_name").asText(), f));
    if (kind == Crm.Write.INSERT) {
      for (JsonNode f : fields.values()) {
        String name = f.path("api_name").asText();
        if (f.path("system_mandatory").asBoolean()
            && (!record.hasNonNull(name) || record.path(name).isTextual() && record.path(name).asText().isBlank())) {
          return failure("MANDATORY_NOT_FOUND", "required field not found", Http.JSON.createObjectNode()
              .put("api_name", name).put("json_path", "$.data[" + index + "]." + name));
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = record.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    for (String name : names) {
      JsonNode f = fields.get(name);
      JsonNode value = record.get(name);
      if (f == null || name.equals("id") || value.isNull()) {
        continue;
      }
      if (!writable(f, kind)) {
        record.remove(name);
        continue;
      }
      String type = f.path("data_type").asText();
      if (!fits(f, value)) {
        return failure("INVALID_DATA", "invalid data", Http.JSON.createObjectNode()
            .put("expected_data_type", type).put("api_name", name).put("json_path", "$.data[" + index + "]." + name));
      }
      if (type.equals("lookup")) {
        String target = f.path("lookup").path("module").path("api_name").asText(null);
        Crm.Module targetModule = target == null ? null : crm.module(dc, target);
        ObjectNode ref = Http.JSON.createObjectNode().put("id", value.path("id").asText());
        if (targetModule != null) {
          ObjectNode referenced = crm.record(targetModule, value.path("id").asText());
          if (referenced == null) {
            return failure("INVALID_DATA", "the id given seems to be invalid", Http.JSON.createObjectNode()
                .put("api_name", name).put("json_path", "$.data[" + index + "]." + name + ".id"));
          }
          JsonNode display = referenced.path(targetModule.mandatory.get(0));
          ref.put("name", display.isTextual() ? display.asText() : null);
        }
        record.set(name, ref);
      }
    }
    return null;
  }

  private static boolean writable(JsonNode f, Crm.Write kind) {
    String type = f.path("data_type").asText();
    if (type.equals("formula") || type.equals("rollup_summary") || type.equals("autonumber")
        || f.path("virtual_field").asBoolean()) {
      return false;
    }
    JsonNode api = f.path("operation_type").path(kind == Crm.Write.UPDATE ? "api_update" : "api_create");
    return api.isBoolean() ? api.asBoolean() : !f.path("field_read_only").asBoolean();
  }

  /** Whether {@code value} has the JSON shape the field's type takes (a new picklist value is fine). */
  private static boolean fits(JsonNode f, JsonNode value) {
    String type = f.path("data_type").asText();
    switch (type) {
      case "integer":
        return value.isIntegralNumber() && value.canConvertToInt();
      case "long":
        return value.isIntegralNumber();
      case "double":
      case "currency":
      case "percent":
      case "decimal":
        return value.isNumber();
      case "boolean":
        return value.isBoolean();
      case "date":
        return value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}");
      case "datetime":
        return value.isTextual()
            && value.asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}([+-]\\d{2}:\\d{2}|Z)");
      case "lookup":
      case "ownerlookup":
      case "userlookup":
        return value.isObject() && value.path("id").isTextual();
      case "multiselectpicklist":
        if (!value.isArray()) {
          return false;
        }
        for (JsonNode v : value) {
          if (!v.isTextual()) {
            return false;
          }
        }
        return true;
      case "subform":
      case "multiselectlookup":
      case "multiuserlookup":
      case "fileupload":
      case "imageupload":
        return value.isArray();
      case "bigint":
        return value.isTextual() && value.asText().matches("\\d{1,19}") || value.isIntegralNumber();
      default:
        String json = f.path("json_type").asText("string");
        switch (json) {
          case "string":
            return value.isTextual();
          case "jsonobject":
            return value.isObject();
          case "jsonarray":
            return value.isArray();
          default:
            return true;
        }
    }
  }

  private static ObjectNode failure(String code, String message, ObjectNode details) {
    ObjectNode result = Http.JSON.createObjectNode().put("code", code);
    result.set("details", details);
    return result.put("message", message).put("status", "error");
  }
}
