package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the fake's metadata answers — the org, users, modules, fields, layouts and related lists — on the shapes of
 * {@link ZohoShapes}: each object starts as the documented shape with neutral values ({@code Shape.fill}) and gets
 * the fake organisation's values. Ids are 19 digits as Zoho's are ({@link Ids}).
 */
final class CrmMetadata {
  /** The organisation's time zone and its offset (the samples of Zoho's v8 pages are in IST, +05:30). */
  static final String TIME_ZONE = "Asia/Kolkata";

  /** Ids of the two roles and two profiles every organisation starts with, 19 digits like Zoho's. */
  static final String CEO_ROLE = "4876876000000026005";
  static final String MANAGER_ROLE = "4876876000000026008";
  static final String ADMINISTRATOR_PROFILE = "4876876000000026011";
  static final String STANDARD_PROFILE = "4876876000000026014";

  /**
   * The fields every module of records has besides its own (get-fields sample of field-meta.html: Owner,
   * Created_By, Modified_By as {@code ownerlookup}, Created_Time, Modified_Time as {@code datetime}, all but Owner
   * read-only).
   */
  static final List<String[]> SYSTEM_FIELDS = List.of(
      new String[] {"Owner", "ownerlookup", "Owner"},
      new String[] {"Created_By", "ownerlookup", "Created By"},
      new String[] {"Modified_By", "ownerlookup", "Modified By"},
      new String[] {"Created_Time", "datetime", "Created Time"},
      new String[] {"Modified_Time", "datetime", "Modified Time"});

  private CrmMetadata() {}

  /** The org of {@code GET /org} (org.json Org). */
  static ObjectNode org(DataCenter dc, FakeUser admin) {
    long id = 600_000_000L + dc.ordinal();
    ObjectNode org = Http.JSON.createObjectNode()
        .put("id", String.valueOf(id))
        .put("company_name", "Zylker " + dc.name())
        .put("primary_email", admin.email())
        .put("primary_zuid", admin.zuid())
        .put("domain_name", "org" + id)
        .put("time_zone", TIME_ZONE)
        .put("country", "India")
        .put("country_code", "IN")
        .put("iso_code", "USD")
        .put("currency", "US Dollar - USD")
        .put("currency_symbol", "$")
        .put("currency_locale", "en_US")
        .put("zgid", String.valueOf(700_000_000L + dc.ordinal()))
        .put("ezgid", "ez" + (700_000_000L + dc.ordinal()))
        .put("max_per_page", 200)
        .put("type", "Production")
        .put("oauth_presence", true)
        .put("privacy_settings", false);
    org.putObject("license_details").put("paid", true).put("paid_type", "enterprise")
        .put("users_license_purchased", 10).put("trial_action", "").putNull("paid_expiry");
    org.putObject("hierarchy_preferences").put("type", "Role_Hierarchy").put("strictly_reporting", false);
    org.putObject("checkin_preferences").put("location", false);
    return ZohoShapes.ORG.fill(org);
  }

  /** A user of {@code GET /users} (users.json users): CRM id of 19 digits, and the Accounts ZUID as {@code zuid}. */
  static ObjectNode user(FakeUser u, String crmId, boolean admin, ObjectNode adminRef, String created) {
    String[] names = u.fullName().split(" ", 2);
    ObjectNode user = Http.JSON.createObjectNode().put("id", crmId).put("zuid", u.zuid())
        .put("full_name", u.fullName()).put("first_name", names[0])
        .put("last_name", names.length > 1 ? names[1] : names[0]).put("email", u.email())
        .put("status", "active").put("confirm", true).put("category", "regular_user")
        .put("time_zone", TIME_ZONE).put("locale", "en_US").put("language", "en_US").put("country_locale", "en_US")
        .put("time_format", "hh:mm a").put("date_format", "MMM d, yyyy").put("offset", 19_800_000)
        .put("created_time", created).put("Modified_Time", created)
        .put("sort_order_preference__s", "First Name,Last Name")
        .put("sort_order_preference", "First Name,Last Name").put("default_tab_group", "0")
        .put("decimal_separator", "Period").put("number_separator", "Comma");
    user.putObject("role").put("name", admin ? "CEO" : "Manager").put("id", admin ? CEO_ROLE : MANAGER_ROLE);
    user.putObject("profile").put("name", admin ? "Administrator" : "Standard")
        .put("id", admin ? ADMINISTRATOR_PROFILE : STANDARD_PROFILE);
    user.set("created_by", adminRef.deepCopy());
    user.set("Modified_By", adminRef.deepCopy());
    user.putObject("theme").put("new_background", "").put("background", "#F3F0EB").put("screen", "fixed")
        .put("type", "default");
    user.putObject("customize_info").putNull("notes_desc").putNull("show_right_panel").putNull("bc_view")
        .putNull("show_home").putNull("show_detail_view").putNull("unpin_recent_item");
    return ZohoShapes.USER.fill(user);
  }

  private static ArrayNode profiles() {
    ArrayNode profiles = Http.JSON.createArrayNode();
    profiles.addObject().put("name", "Administrator").put("id", ADMINISTRATOR_PROFILE);
    profiles.addObject().put("name", "Standard").put("id", STANDARD_PROFILE);
    return profiles;
  }

  /** A module of the modules list (modules.json modules, the list's keys). */
  static ObjectNode moduleSummary(Crm.Module m) {
    boolean records = m.generatedType.equals("default") || m.generatedType.equals("custom");
    ObjectNode module = Http.JSON.createObjectNode().put("id", m.id).put("api_name", m.apiName)
        .put("module_name", m.apiName).put("singular_label", m.singular).put("plural_label", m.pluralLabel)
        .put("generated_type", m.generatedType).put("api_supported", true).put("sequence_number", m.sequence)
        .put("creatable", true).put("editable", true).put("deletable", true).put("viewable", true)
        .put("visible", true).put("visibility", 1).put("show_as_tab", !m.apiName.equals("Notes"))
        .put("presence_sub_menu", records).put("quick_create", records).put("filter_supported", records)
        .put("convertable", m.apiName.equals("Leads")).put("recycle_bin_on_delete", true)
        .put("triggers_supported", records).put("isBlueprintSupported", records)
        .put("emailTemplate_support", records).put("webform_supported", records).put("feeds_required", false)
        .put("scoring_supported", records).put("track_current_data", true).put("profile_count", 2)
        .put("business_card_field_limit", 5).put("status", "visible");
    module.set("profiles", profiles());
    return ZohoShapes.MODULE_SUMMARY.fill(module);
  }

  /** One module with its detail keys (modules.json modules, {@code settings/modules/{api_name}}). */
  static ObjectNode module(Crm.Module m) {
    ObjectNode module = moduleSummary(m);
    module.put("per_page", 10).put("chart_view_supported", true).put("kanban_view_supported", true)
        .put("kanban_view", false).put("filter_status", true).put("zia_view", false);
    ArrayNode properties = module.putArray("$properties");
    List.of("$approval", "$process_flow", "$currency_symbol", "$approved", "$editable", "$review")
        .forEach(properties::add);
    String display = m.mandatory.get(0);
    module.putObject("display_field").put("api_name", display).put("id", m.fieldId(display));
    ObjectNode listProperties = module.putObject("related_list_properties").putNull("sort_by").putNull("sort_order");
    ArrayNode listFields = listProperties.putArray("fields");
    m.fieldTypes.keySet().forEach(listFields::add);
    module.putObject("lookup_field_properties").putArray("fields").addObject().put("api_name", display)
        .put("id", m.fieldId(display));
    ArrayNode search = module.putArray("search_layout_fields");
    m.fieldTypes.keySet().forEach(search::add);
    module.putArray("layouts").addObject().put("id", m.layoutId).put("name", "Standard")
        .put("display_label", "Standard");
    ArrayNode related = module.putArray("related_lists");
    for (String[] r : relatedListsOf(m)) {
      related.addObject().put("id", m.relatedListId(r[0])).put("api_name", r[0]).put("display_label", r[1]);
    }
    module.putObject("custom_view").put("display_value", "All " + m.pluralLabel)
        .put("name", "All " + m.pluralLabel).put("id", m.customViewId).put("system_name", "ALLVIEWS")
        .putNull("sort_by").putNull("sort_order").put("default", true);
    return ZohoShapes.MODULE.fill(module);
  }

  /** The module's fields (fields.json fields): its own, then the system fields, each with every documented key. */
  static ArrayNode fields(Crm.Module m) {
    ArrayNode fields = Http.JSON.createArrayNode();
    int sequence = 0;
    for (Map.Entry<String, String> f : m.fieldTypes.entrySet()) {
      fields.add(field(m, f.getKey(), f.getValue(), f.getKey().replace('_', ' '), false, ++sequence));
    }
    for (String[] s : SYSTEM_FIELDS) {
      if (!m.fieldTypes.containsKey(s[0])) {
        fields.add(field(m, s[0], s[1], s[0].equals("Owner") ? m.singular + " Owner" : s[2],
            !s[0].equals("Owner"), ++sequence));
      }
    }
    return fields;
  }

  private static ObjectNode field(Crm.Module m, String apiName, String dataType, String label, boolean readOnly,
      int sequence) {
    boolean mandatory = m.mandatory.contains(apiName);
    ObjectNode f = Http.JSON.createObjectNode().put("id", m.fieldId(apiName)).put("api_name", apiName)
        .put("field_label", label).put("display_label", label).put("data_type", dataType)
        .put("json_type", jsonType(dataType)).put("length", length(dataType)).put("read_only", readOnly)
        .put("field_read_only", readOnly).put("system_mandatory", mandatory)
        .put("custom_field", apiName.endsWith("__c")).put("visible", true).put("available_in_user_layout", true)
        .put("filterable", true).put("sortable", !dataType.equals("textarea")).put("searchable", true)
        .put("mass_update", !readOnly && !mandatory).put("webhook", true).put("blueprint_supported", !readOnly)
        .put("businesscard_supported", true).put("display_field", apiName.equals(m.mandatory.get(0)))
        .put("created_source", "default").put("type", "used").put("column_name", apiName.toUpperCase(Locale.ROOT))
        .put("display_type", readOnly ? 3 : 1).put("ui_type", uiType(dataType)).put("show_type", 7)
        .put("category", 0).put("quick_sequence_number", String.valueOf(sequence));
    if (dataType.equals("currency") || dataType.equals("double")) {
      f.put("decimal_place", 2);
    }
    f.putObject("operation_type").put("web_update", !readOnly).put("api_create", !readOnly)
        .put("web_create", !readOnly).put("api_update", !readOnly);
    f.putObject("view_type").put("view", true).put("edit", !readOnly).put("quick_create", mandatory)
        .put("create", !readOnly);
    f.putObject("email_parser").put("fields_update_supported", false).put("record_operations_supported", false);
    f.putArray("layout_associations").addObject().put("api_name", "Standard").put("name", "Standard")
        .put("id", m.layoutId);
    ArrayNode profiles = f.putArray("profiles");
    profiles.addObject().put("permission_type", "read_write").put("name", "Administrator")
        .put("id", ADMINISTRATOR_PROFILE);
    profiles.addObject().put("permission_type", readOnly ? "read_only" : "read_write").put("name", "Standard")
        .put("id", STANDARD_PROFILE);
    if (dataType.equals("lookup")) {
      String target = m.lookups.getOrDefault(apiName, "Leads");
      f.putObject("lookup").put("display_label", label).put("api_name", apiName).putNull("id")
          .putObject("module").put("api_name", target).putNull("id");
    }
    ArrayNode values = f.putArray("pick_list_values");
    List<String> picklist = m.picklists.get(apiName);
    if (picklist != null) {
      List<String> all = new ArrayList<>();
      all.add("-None-");
      all.addAll(picklist);
      int i = 0;
      for (String v : all) {
        values.addObject().put("display_value", v).put("actual_value", v).put("reference_value", v)
            .put("id", m.fieldId(apiName + "/" + v)).put("sequence_number", ++i).put("type", "used")
            .putNull("colour_code");
      }
    }
    return ZohoShapes.FIELD.fill(f);
  }

  private static String jsonType(String dataType) {
    switch (dataType) {
      case "currency":
      case "double":
      case "percent":
        return "double";
      case "integer":
        return "integer";
      case "boolean":
        return "boolean";
      case "lookup":
      case "ownerlookup":
      case "userlookup":
        return "jsonobject";
      case "multiselectpicklist":
      case "subform":
        return "jsonarray";
      default:
        return "string";
    }
  }

  private static int length(String dataType) {
    switch (dataType) {
      case "textarea":
        return 32_000;
      case "email":
        return 100;
      case "phone":
        return 30;
      case "datetime":
        return 120;
      case "currency":
        return 16;
      default:
        return 255;
    }
  }

  private static int uiType(String dataType) {
    switch (dataType) {
      case "picklist":
        return 2;
      case "textarea":
        return 3;
      case "email":
        return 25;
      case "phone":
        return 33;
      case "ownerlookup":
        return 8;
      case "datetime":
        return 333;
      case "lookup":
        return 133;
      case "currency":
        return 36;
      default:
        return 1;
    }
  }

  /** The module's one layout, {@code Standard}, with its sections and every field (layouts.json layouts). */
  static ObjectNode layout(Crm.Module m) {
    ObjectNode layout = Http.JSON.createObjectNode().put("id", m.layoutId).put("name", "Standard")
        .put("display_label", "Standard").put("api_name", "Standard").put("status", "active").put("visible", true)
        .put("source", "crm").put("mode", "default").put("generated_type", "default").put("has_more_profiles", false)
        .put("show_business_card", false);
    ArrayNode profiles = layout.putArray("profiles");
    profiles.addObject().put("default", true).put("name", "Administrator").put("id", ADMINISTRATOR_PROFILE)
        .putObject("_default_view").put("name", "Standard").put("id", m.layoutId).put("type", "layout");
    profiles.addObject().put("default", true).put("name", "Standard").put("id", STANDARD_PROFILE)
        .putObject("_default_view").put("name", "Standard").put("id", m.layoutId).put("type", "layout");
    ObjectNode section = layout.putArray("sections").addObject()
        .put("display_label", m.singular + " Information").put("name", m.singular + " Information")
        .put("api_name", m.singular + "_Information").put("sequence_number", 1).put("column_count", 2)
        .put("isSubformSection", false).put("tab_traversal", "left_to_right").put("generated_type", "default")
        .put("type", "used").put("id", m.fieldId("section"));
    section.set("fields", fields(m));
    section.putNull("properties");
    layout.putObject("actions_allowed").put("edit", true).put("rename", true).put("clone", true)
        .put("downgrade", true).put("delete", false).put("deactivate", false).put("set_layout_permissions", true);
    return ZohoShapes.LAYOUT.fill(layout);
  }

  /**
   * The related lists of each module: API name, label, and the module its records come from (null for lists that
   * are not a module's records). Notes and Attachments on every module of records, and the lists Zoho gives each
   * standard module (related-list-meta.html sample).
   */
  static List<String[]> relatedListsOf(Crm.Module m) {
    List<String[]> lists = new ArrayList<>();
    if (m.apiName.equals("Notes")) {
      return lists;
    }
    lists.add(new String[] {"Notes", "Notes", "Notes"});
    lists.add(new String[] {"Attachments", "Attachments", "Attachments"});
    switch (m.apiName) {
      case "Leads":
        lists.add(new String[] {"Products", "Products", "Products"});
        lists.add(new String[] {"Campaigns", "Campaigns", "Campaigns"});
        break;
      case "Contacts":
        lists.add(new String[] {"Deals", "Deals", "Deals"});
        lists.add(new String[] {"Campaigns", "Campaigns", "Campaigns"});
        break;
      case "Accounts":
        lists.add(new String[] {"Contacts", "Contacts", "Contacts"});
        lists.add(new String[] {"Deals", "Deals", "Deals"});
        break;
      case "Deals":
        lists.add(new String[] {"Contact_Roles", "Contact Roles", "Contacts"});
        lists.add(new String[] {"Products", "Products", "Products"});
        break;
      default:
        break;
    }
    lists.add(new String[] {"Emails", "Emails", null});
    return lists;
  }

  /** One related list (related_lists.json related_list). */
  static ObjectNode relatedList(Crm.Module m, String[] r, int sequence) {
    ObjectNode list = Http.JSON.createObjectNode().put("id", m.relatedListId(r[0])).put("api_name", r[0])
        .put("display_label", r[1]).put("name", r[1]).put("sequence_number", String.valueOf(sequence))
        .put("href", m.apiName + "/{ENTITYID}/" + r[0]).put("type", "default").put("action", (String) null)
        .put("status", "visible").put("customize_sort", false).put("customize_fields", false)
        .put("customize_display_label", true);
    if (r[2] != null) {
      list.putObject("module").put("api_name", r[2]).putNull("id");
    } else {
      list.putNull("module");
    }
    list.putArray("fields");
    list.putNull("sort_by");
    return ZohoShapes.RELATED_LIST.fill(list);
  }
}
