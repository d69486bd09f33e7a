package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.auth.DataCenter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
}
