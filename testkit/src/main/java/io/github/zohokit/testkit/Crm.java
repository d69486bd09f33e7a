package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Zoho CRM's data, one organisation per data centre: modules with field metadata, records shaped like Zoho's
 * (19-digit string ids, {@code Owner} objects, ISO-8601 times with offset), deleted records, users.
 */
final class Crm {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final String[] LAST_NAMES = {"Sam", "Patel", "Nakamura", "Okafor", "Schmidt", "Rossi", "Kowalski",
      "Haddad", "Silva", "Novak", "Larsen", "Dubois", "Kim", "Nguyen", "Moreau"};
  private static final String[] FIRST_NAMES = {"Ann", "Ravi", "Yuki", "Chidi", "Lena", "Marco", "Ola", "Rami",
      "Bea", "Ivan", "Sofie", "Luc", "Min", "Linh", "Elise"};
  private static final String[] SOURCES = {"Web Download", "Cold Call", "Trade Show", "Partner", "Advertisement"};

  /** A module: its metadata, fields and records. */
  static final class Module {
    final String apiName;
    final String singular;
    final List<String> mandatory;
    final Map<String, String> fieldTypes = new LinkedHashMap<>();
    final Map<String, ObjectNode> records = new LinkedHashMap<>();
    final List<ObjectNode> deleted = new ArrayList<>();
    final String id;

    Module(String id, String apiName, String singular, List<String> mandatory) {
      this.id = id;
      this.apiName = apiName;
      this.singular = singular;
      this.mandatory = mandatory;
    }
  }

  /** One organisation. */
  static final class Org {
    final ObjectNode info;
    final FakeUser admin;
    final Map<String, Module> modules = new LinkedHashMap<>();

    Org(ObjectNode info, FakeUser admin) {
      this.info = info;
      this.admin = admin;
    }
  }

  private final Map<DataCenter, Org> orgs = new EnumMap<>(DataCenter.class);
  private final Ids ids;
  private final FakeClock clock;

  Crm(Ids ids, FakeClock clock) {
    this.ids = ids;
    this.clock = clock;
  }

  synchronized void addOrg(DataCenter dc, FakeUser admin, int seedLeads) {
    ObjectNode info = Http.JSON.createObjectNode()
        .put("id", String.valueOf(600_000_000L + dc.ordinal()))
        .put("company_name", "Zylker " + dc.name())
        .put("primary_email", admin.email())
        .put("domain_name", "org" + (600_000_000L + dc.ordinal()))
        .put("time_zone", "Europe/London")
        .put("country", dc.name())
        .put("currency", "USD")
        .put("zgid", String.valueOf(700_000_000L + dc.ordinal()));
    Org org = new Org(info, admin);
    module(org, "Leads", "Lead", List.of("Last_Name"), "First_Name", "text", "Last_Name", "text", "Email", "email",
        "Company", "text", "Lead_Source", "picklist", "Phone", "phone");
    module(org, "Contacts", "Contact", List.of("Last_Name"), "First_Name", "text", "Last_Name", "text", "Email",
        "email", "Phone", "phone");
    module(org, "Accounts", "Account", List.of("Account_Name"), "Account_Name", "text", "Website", "website");
    module(org, "Deals", "Deal", List.of("Deal_Name", "Stage"), "Deal_Name", "text", "Stage", "picklist", "Amount",
        "currency");
    orgs.put(dc, org);
    seed(dc, "Leads", seedLeads);
  }

  private void module(Org org, String apiName, String singular, List<String> mandatory, String... fields) {
    Module module = new Module(ids.recordId(), apiName, singular, mandatory);
    for (int i = 0; i < fields.length; i += 2) {
      module.fieldTypes.put(fields[i], fields[i + 1]);
    }
    org.modules.put(apiName.toLowerCase(Locale.ROOT), module);
  }

  synchronized Org org(DataCenter dc) {
    Org org = orgs.get(dc);
    if (org == null) {
      throw new IllegalArgumentException("the fake serves no organisation in " + dc);
    }
    return org;
  }

  synchronized JsonNode orgInfo(DataCenter dc) {
    return org(dc).info;
  }

  /** The module with {@code apiName} (case-insensitive), or null. */
  synchronized Module module(DataCenter dc, String apiName) {
    return org(dc).modules.get(apiName.toLowerCase(Locale.ROOT));
  }

  /** Adds {@code count} realistic records to a module. */
  synchronized List<String> seed(DataCenter dc, String moduleName, int count) {
    Org org = org(dc);
    Module module = requireModule(dc, moduleName);
    List<String> created = new ArrayList<>();
    OffsetDateTime base = OffsetDateTime.of(2026, 1, 5, 9, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
    for (int i = 0; i < count; i++) {
      int n = module.records.size();
      ObjectNode record = Http.JSON.createObjectNode();
      String last = LAST_NAMES[n % LAST_NAMES.length] + (n >= LAST_NAMES.length ? " " + (n / LAST_NAMES.length) : "");
      String first = FIRST_NAMES[(n * 7) % FIRST_NAMES.length];
      switch (module.apiName) {
        case "Accounts":
          record.put("Account_Name", "Account " + last);
          record.put("Website", "https://example.com/" + n);
          break;
        case "Deals":
          record.put("Deal_Name", "Deal " + last);
          record.put("Stage", "Qualification");
          record.put("Amount", 1000 + n * 10);
          break;
        default:
          record.put("First_Name", first);
          record.put("Last_Name", last);
          record.put("Email", (first + "." + last).toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com");
          if (module.apiName.equals("Leads")) {
            record.put("Company", "Company " + (n % 40));
            record.put("Lead_Source", SOURCES[n % SOURCES.length]);
          }
          record.putNull("Phone");
      }
      String time = base.plus(n, ChronoUnit.MINUTES).format(TIME);
      created.add(insert(org, module, record, time));
    }
    return created;
  }

  /** Stores a new record, completing the system fields; returns its id. */
  synchronized String insert(Org org, Module module, ObjectNode record, String time) {
    String id = ids.recordId();
    ObjectNode stored = Http.JSON.createObjectNode();
    stored.put("id", id);
    stored.setAll(record);
    stored.put("id", id);
    stored.set("Owner", ref(org.admin));
    stored.set("Created_By", ref(org.admin));
    stored.set("Modified_By", ref(org.admin));
    stored.put("Created_Time", time);
    stored.put("Modified_Time", time);
    module.records.put(id, stored);
    return id;
  }

  String now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHoursMinutes(5, 30)).truncatedTo(ChronoUnit.SECONDS)
        .format(TIME);
  }

  static ObjectNode ref(FakeUser user) {
    return Http.JSON.createObjectNode().put("name", user.fullName()).put("id", user.zuid()).put("email", user.email());
  }

  synchronized Module requireModule(DataCenter dc, String moduleName) {
    Module module = module(dc, moduleName);
    if (module == null) {
      throw new IllegalArgumentException("no module " + moduleName + " in the fake's " + dc + " organisation");
    }
    return module;
  }

  /** A copy of every record of a module, in id order. */
  synchronized List<ObjectNode> records(DataCenter dc, String moduleName) {
    List<ObjectNode> copy = new ArrayList<>();
    requireModule(dc, moduleName).records.values().forEach(r -> copy.add(r.deepCopy()));
    return copy;
  }

  /** The modules' metadata as Zoho's settings API shows it. */
  synchronized ArrayNode modulesMeta(DataCenter dc) {
    ArrayNode modules = Http.JSON.createArrayNode();
    for (Module m : org(dc).modules.values()) {
      modules.add(moduleMeta(m));
    }
    return modules;
  }

  static ObjectNode moduleMeta(Module m) {
    return Http.JSON.createObjectNode().put("id", m.id).put("api_name", m.apiName).put("module_name", m.apiName)
        .put("singular_label", m.singular).put("plural_label", m.apiName).put("api_supported", true)
        .put("creatable", true).put("editable", true).put("deletable", true).put("viewable", true);
  }

  synchronized ArrayNode fieldsMeta(Module m) {
    ArrayNode fields = Http.JSON.createArrayNode();
    int i = 0;
    for (Map.Entry<String, String> f : m.fieldTypes.entrySet()) {
      fields.addObject().put("id", m.id.substring(0, 12) + String.format("%07d", ++i)).put("api_name", f.getKey())
          .put("field_label", f.getKey().replace('_', ' ')).put("data_type", f.getValue())
          .put("json_type", f.getValue().equals("currency") ? "double" : "string")
          .put("length", 255).put("read_only", false).put("custom_field", false)
          .put("system_mandatory", m.mandatory.contains(f.getKey()));
    }
    return fields;
  }

  // ---- the records API's data access (every read answers copies) ----

  /** How a write treats each record. */
  enum Write { INSERT, UPDATE, UPSERT }

  /** A copy of every record of {@code module}, in insertion order. */
  synchronized List<ObjectNode> records(Module module) {
    return copies(module.records.values(), r -> true);
  }

  /** A copy of the records of {@code module} that {@code match} accepts, in insertion order. */
  synchronized List<ObjectNode> matching(Module module, Predicate<? super ObjectNode> match) {
    return copies(module.records.values(), match);
  }

  /** A copy of the record {@code id} of {@code module}, or null. */
  synchronized ObjectNode record(Module module, String id) {
    ObjectNode record = module.records.get(id);
    return record == null ? null : record.deepCopy();
  }

  /** A copy of the deleted-records entries of {@code module}. */
  synchronized List<ObjectNode> deleted(Module module) {
    return copies(module.deleted, r -> true);
  }

  synchronized long count(Module module) {
    return module.records.size();
  }

  private static List<ObjectNode> copies(Iterable<ObjectNode> records, Predicate<? super ObjectNode> match) {
    List<ObjectNode> copy = new ArrayList<>();
    for (ObjectNode r : records) {
      if (match.test(r)) {
        copy.add(r.deepCopy());
      }
    }
    return copy;
  }

  /** Writes every item of {@code data} in one step; Zoho's per-record results, in order. */
  synchronized ArrayNode write(Org org, Module module, Write kind, String pathId, JsonNode data,
      List<String> duplicateCheck) {
    ArrayNode results = Http.JSON.createArrayNode();
    for (JsonNode item : data) {
      results.add(writeOne(org, module, kind, pathId, item, duplicateCheck));
    }
    return results;
  }

  private ObjectNode writeOne(Org org, Module module, Write kind, String pathId, JsonNode item,
      List<String> duplicateCheck) {
    if (!item.isObject()) {
      return failure("INVALID_DATA", "invalid data", Http.JSON.createObjectNode());
    }
    ObjectNode record = ((ObjectNode) item).deepCopy();
    String email = record.path("Email").isTextual() ? record.path("Email").asText() : null;
    if (email != null && !email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      return failure("INVALID_DATA", "invalid data",
          Http.JSON.createObjectNode().put("api_name", "Email").put("expected_data_type", "email"));
    }
    String id = pathId != null ? pathId : record.path("id").asText(null);
    String action;
    ObjectNode existing = null;
    if (kind == Write.UPSERT) {
      existing = duplicateOf(module, record, duplicateCheck);
      action = existing == null ? "insert" : "update";
    } else if (kind == Write.UPDATE) {
      existing = id == null ? null : module.records.get(id);
      if (existing == null) {
        return failure("INVALID_DATA", "the related id given seems to be invalid",
            Http.JSON.createObjectNode().put("api_name", "id"));
      }
      action = "update";
    } else {
      action = "insert";
    }
    String now = now();
    if (existing == null) {
      for (String mandatory : module.mandatory) {
        if (!record.hasNonNull(mandatory) || record.path(mandatory).asText().isBlank()) {
          return failure("MANDATORY_NOT_FOUND", "required field not found",
              Http.JSON.createObjectNode().put("api_name", mandatory));
        }
      }
      record.remove("id");
      id = insert(org, module, record, now);
    } else {
      record.remove("id");
      record.remove("Created_Time");
      record.remove("Created_By");
      existing.setAll(record);
      existing.put("Modified_Time", now);
      id = existing.path("id").asText();
    }
    ObjectNode stored = module.records.get(id);
    ObjectNode details = Http.JSON.createObjectNode()
        .put("Modified_Time", stored.path("Modified_Time").asText())
        .put("Created_Time", stored.path("Created_Time").asText())
        .put("id", id);
    details.set("Modified_By", ref(org.admin));
    details.set("Created_By", ref(org.admin));
    details.put("$approval_state", "approved");
    ObjectNode result = Http.JSON.createObjectNode().put("code", "SUCCESS");
    result.set("details", details);
    result.put("message", action.equals("insert") ? "record added" : "record updated").put("status", "success");
    if (kind == Write.UPSERT) {
      result.put("action", action);
      if (action.equals("update")) {
        result.put("duplicate_field", duplicateCheck.get(0));
      }
    }
    return result;
  }

  /** The first stored record sharing a value of {@code duplicateCheck} with {@code record}, or null. */
  private static ObjectNode duplicateOf(Module module, ObjectNode record, List<String> duplicateCheck) {
    for (ObjectNode r : module.records.values()) {
      for (String f : duplicateCheck) {
        if (record.hasNonNull(f) && record.path(f).asText().equalsIgnoreCase(r.path(f).asText())) {
          return r;
        }
      }
    }
    return null;
  }

  /** Moves the records {@code ids} to the deleted list in one step; Zoho's per-record results, in order. */
  synchronized ArrayNode delete(Module module, String[] ids) {
    ArrayNode results = Http.JSON.createArrayNode();
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      ObjectNode record = seen.add(id) ? module.records.remove(id.trim()) : null;
      if (record == null) {
        results.add(failure("INVALID_DATA", "the related id given seems to be invalid",
            Http.JSON.createObjectNode().put("id", id)));
        continue;
      }
      module.deleted.add(Http.JSON.createObjectNode().put("id", record.path("id").asText())
          .put("display_name", record.path(module.mandatory.get(0)).asText()).put("type", "recycle")
          .put("deleted_time", now()).set("deleted_by", record.path("Owner")));
      ObjectNode result = Http.JSON.createObjectNode().put("code", "SUCCESS");
      result.putObject("details").put("id", record.path("id").asText());
      result.put("message", "record deleted").put("status", "success");
      results.add(result);
    }
    return results;
  }

  /** One record's failure in a batch answer. */
  private static ObjectNode failure(String code, String message, ObjectNode details) {
    ObjectNode result = Http.JSON.createObjectNode().put("code", code);
    result.set("details", details);
    return result.put("message", message).put("status", "error");
  }
}
