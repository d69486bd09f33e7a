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
  /** The offset of the organisation's time zone, Asia/Kolkata. */
  static final ZoneOffset OFFSET = ZoneOffset.ofHoursMinutes(5, 30);
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
    /** {@code default} for Zoho's standard modules, {@code custom} for the org's own (modules.json generated_type). */
    String generatedType = "default";
    String pluralLabel;
    int sequence;
    /** Picklist fields' values, without Zoho's leading {@code -None-}. */
    final Map<String, List<String>> picklists = new LinkedHashMap<>();
    /** Lookup fields' target modules. */
    final Map<String, String> lookups = new LinkedHashMap<>();
    final String layoutId;
    final String customViewId;
    private final Ids ids;
    private final Map<String, String> metadataIds = new java.util.concurrent.ConcurrentHashMap<>();

    Module(String id, String apiName, String singular, List<String> mandatory) {
      this(null, id, apiName, singular, mandatory);
    }

    Module(Ids ids, String id, String apiName, String singular, List<String> mandatory) {
      this.ids = ids == null ? new Ids() : ids;
      this.id = id;
      this.apiName = apiName;
      this.singular = singular;
      this.mandatory = mandatory;
      this.pluralLabel = apiName.replace('_', ' ');
      this.generatedType = apiName.endsWith("__c") ? "custom" : "default";
      this.layoutId = this.ids.metadataId();
      this.customViewId = this.ids.metadataId();
    }

    /** The 19-digit id of a field (or picklist value, section) of this module, the same at every call. */
    String fieldId(String name) {
      return metadataIds.computeIfAbsent("field:" + name, n -> ids.metadataId());
    }

    /** The 19-digit id of a related list of this module, the same at every call. */
    String relatedListId(String name) {
      return metadataIds.computeIfAbsent("related:" + name, n -> ids.metadataId());
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
    Org org = new Org(CrmMetadata.org(dc, admin), admin);
    Module leads = module(org, "Leads", "Lead", List.of("Last_Name"), "First_Name", "text", "Last_Name", "text",
        "Email", "email", "Company", "text", "Lead_Source", "picklist", "Phone", "phone");
    leads.picklists.put("Lead_Source", List.of(SOURCES));
    module(org, "Contacts", "Contact", List.of("Last_Name"), "First_Name", "text", "Last_Name", "text", "Email",
        "email", "Phone", "phone");
    module(org, "Accounts", "Account", List.of("Account_Name"), "Account_Name", "text", "Website", "website");
    Module deals = module(org, "Deals", "Deal", List.of("Deal_Name", "Stage"), "Deal_Name", "text", "Stage",
        "picklist", "Amount", "currency");
    deals.picklists.put("Stage", List.of("Qualification", "Needs Analysis", "Value Proposition",
        "Identify Decision Makers", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"));
    // the notes of every module's records are records of the Notes module (notes.json); Note_Content is the one
    // mandatory field (create-notes.html)
    Module notes = module(org, "Notes", "Note", List.of("Note_Content"), "Note_Title", "text", "Note_Content",
        "textarea", "Parent_Id", "lookup");
    notes.lookups.put("Parent_Id", "Leads");
    orgs.put(dc, org);
    seed(dc, "Leads", seedLeads);
  }

  private Module module(Org org, String apiName, String singular, List<String> mandatory, String... fields) {
    Module module = new Module(ids, ids.metadataId(), apiName, singular, mandatory);
    for (int i = 0; i < fields.length; i += 2) {
      module.fieldTypes.put(fields[i], fields[i + 1]);
    }
    module.sequence = org.modules.size() + 1;
    org.modules.put(apiName.toLowerCase(Locale.ROOT), module);
    return module;
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
    if (module.apiName.equals("Notes")) {
      // what Zoho adds to every note (notes.json #/components/schemas/Note)
      if (!stored.has("Note_Title")) {
        stored.putNull("Note_Title");
      }
      stored.putNull("$attachments");
      stored.put("$editable", true).put("$is_shared_to_client", false).putNull("$size").put("$state", "save")
          .put("$voice_note", false);
    }
    module.records.put(id, stored);
    return id;
  }

  String now() {
    return format(clock.instant());
  }

  /**
   * {@code instant} as Zoho writes times: ISO 8601 to the second with the organisation's offset, such as
   * {@code 2026-01-05T09:30:00+05:30} (get-records.html samples; the org's {@link CrmMetadata#TIME_ZONE}).
   */
  static String format(java.time.Instant instant) {
    return OffsetDateTime.ofInstant(instant, OFFSET).truncatedTo(ChronoUnit.SECONDS).format(TIME);
  }

  /** A user as records name them ({@code Owner}, {@code Created_By}): CRM user id, name and email. */
  static ObjectNode ref(FakeUser user) {
    return Http.JSON.createObjectNode().put("name", user.fullName()).put("id", Ids.crmUserId(user))
        .put("email", user.email());
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

  /** The modules' metadata as Zoho's settings API lists it. */
  synchronized ArrayNode modulesMeta(DataCenter dc) {
    ArrayNode modules = Http.JSON.createArrayNode();
    for (Module m : org(dc).modules.values()) {
      modules.add(CrmMetadata.moduleSummary(m));
    }
    return modules;
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
    return delete(module, ids, false);
  }

  /**
   * Deletes the records {@code ids} in one step, into the recycle bin or (when {@code permanently}) past it; each
   * leaves an entry of that {@code type} for {@code /{module}/deleted} (record.json Deleted_Record). Zoho's
   * per-record results, in order.
   */
  synchronized ArrayNode delete(Module module, String[] ids, boolean permanently) {
    ArrayNode results = Http.JSON.createArrayNode();
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      ObjectNode record = seen.add(id) ? module.records.remove(id.trim()) : null;
      if (record == null) {
        results.add(failure("INVALID_DATA", "the related id given seems to be invalid",
            Http.JSON.createObjectNode().put("id", id)));
        continue;
      }
      ObjectNode entry = Http.JSON.createObjectNode().put("id", record.path("id").asText())
          .put("display_name", record.path(module.mandatory.get(0)).asText())
          .put("type", permanently ? "permanent" : "recycle").put("deleted_time", now());
      entry.set("deleted_by", userRef(record.path("Owner")));
      entry.set("created_by", userRef(record.path("Created_By")));
      module.deleted.add(entry);
      ObjectNode result = Http.JSON.createObjectNode().put("code", "SUCCESS");
      result.putObject("details").put("id", record.path("id").asText());
      result.put("message", "record deleted").put("status", "success");
      results.add(result);
    }
    return results;
  }

  /** Empties the recycle bin of {@code module}: its entries become {@code permanent} (recycle_bin.json). */
  synchronized void purgeRecycleBin(Module module) {
    module.deleted.replaceAll(d -> d.path("type").asText().equals("recycle") ? d.put("type", "permanent") : d);
  }

  /** {@code {"name", "id"}} of a user reference (users.json Minified_User). */
  private static ObjectNode userRef(JsonNode ref) {
    return Http.JSON.createObjectNode().put("name", ref.path("name").asText()).put("id", ref.path("id").asText());
  }

  /** One record's failure in a batch answer. */
  private static ObjectNode failure(String code, String message, ObjectNode details) {
    ObjectNode result = Http.JSON.createObjectNode().put("code", code);
    result.set("details", details);
    return result.put("message", message).put("status", "error");
  }
}
