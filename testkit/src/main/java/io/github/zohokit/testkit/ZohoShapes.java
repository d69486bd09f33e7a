package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place where the shapes of Zoho CRM v8's answers are written down: for each kind of answer the fake sends,
 * the keys Zoho documents and the JSON type of each. The fake builds its metadata objects from these shapes
 * ({@link Shape#fill}) and checks every CRM answer against them before sending it ({@link Shape#check}); an answer
 * that departs is the fake's bug and becomes a 500 {@code INTERNAL_ERROR} naming the key, so no test passes on it.
 *
 * <p>Transcribed from Zoho's OpenAPI files ({@code github.com/zoho/crm-oas}, folder {@code v8.0}; each shape names
 * its file and the key path of the schema, {@code #/components/schemas/...}) and, where the OpenAPI file is silent or
 * wrong, from Zoho's v8 pages under {@code https://www.zoho.com/crm/developer/docs/api/v8/} (named likewise). Only
 * key names and JSON types are taken, never values or text; never derived from zohokit's response classes.
 *
 * <p>A key spec is {@code name:type}, type one of {@code string integer number boolean object array}; a trailing
 * {@code ?} allows JSON null; {@code >shape} checks the object (or each element of the array) against another shape;
 * a leading {@code ~} makes the key optional (checked only when present).
 */
final class ZohoShapes {
  private static final Map<String, Shape> SHAPES = new LinkedHashMap<>();
  private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

  /** JSON types as Zoho's OpenAPI files name them. */
  enum Type { STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY }

  /** One documented key. */
  record Key(String name, Type type, boolean nullable, boolean optional, String nested) {}

  /** One documented answer or object: its keys, and where Zoho documents them. */
  static final class Shape {
    final String name;
    final String source;
    final List<Key> keys;

    private Shape(String name, String source, List<Key> keys) {
      this.name = name;
      this.source = source;
      this.keys = keys;
    }

    /** The documented keys, optional ones included, in the order written. */
    List<String> keyNames() {
      List<String> names = new ArrayList<>();
      keys.forEach(k -> names.add(k.name));
      return names;
    }

    /**
     * Adds every documented (not optional) key {@code node} lacks, with a neutral value of its type: null where
     * Zoho allows null, else {@code ""}, 0, false, an empty object or array; nested shapes likewise. The builder
     * sets the meaningful ones.
     */
    ObjectNode fill(ObjectNode node) {
      for (Key k : keys) {
        JsonNode present = node.get(k.name);
        if (present != null && k.nested != null) {
          // complete the nested objects too (an object, or each object of an array)
          if (present.isObject()) {
            shape(k.nested).fill((ObjectNode) present);
          } else if (present.isArray()) {
            present.forEach(e -> {
              if (e.isObject()) {
                shape(k.nested).fill((ObjectNode) e);
              }
            });
          }
        }
        if (k.optional || present != null) {
          continue;
        }
        if (k.nullable) {
          node.putNull(k.name);
          continue;
        }
        switch (k.type) {
          case STRING:
            node.put(k.name, "");
            break;
          case INTEGER:
          case NUMBER:
            node.put(k.name, 0);
            break;
          case BOOLEAN:
            node.put(k.name, false);
            break;
          case OBJECT:
            ObjectNode child = node.putObject(k.name);
            if (k.nested != null) {
              shape(k.nested).fill(child);
            }
            break;
          default:
            node.putArray(k.name);
        }
      }
      return node;
    }

    /** What departs from this shape in {@code node}; empty when nothing does. */
    List<String> problems(JsonNode node) {
      List<String> problems = new ArrayList<>();
      check(node, name, problems);
      return problems;
    }

    /** Throws when {@code node} departs from this shape; records that this shape was checked. */
    void check(JsonNode node) {
      List<String> problems = problems(node);
      CHECKED.add(name);
      if (!problems.isEmpty()) {
        throw new IllegalStateException("the fake's answer departs from Zoho's " + name + " (" + source + "): "
            + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
      }
    }

    private void check(JsonNode node, String path, List<String> problems) {
      if (!node.isObject()) {
        problems.add(path + " is " + node.getNodeType() + ", not an object");
        return;
      }
      for (Key k : keys) {
        JsonNode value = node.get(k.name);
        String at = path + "." + k.name;
        if (value == null) {
          if (!k.optional) {
            problems.add(at + " is missing");
          }
          continue;
        }
        if (value.isNull()) {
          if (!k.nullable) {
            problems.add(at + " is null");
          }
          continue;
        }
        if (!fits(k.type, value)) {
          problems.add(at + " is " + value.getNodeType() + ", not " + k.type.name().toLowerCase());
          continue;
        }
        if (k.nested != null) {
          Shape nested = shape(k.nested);
          if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
              nested.check(value.get(i), at + "[" + i + "]", problems);
            }
          } else {
            nested.check(value, at, problems);
          }
        }
      }
    }

    private static boolean fits(Type type, JsonNode value) {
      switch (type) {
        case STRING:
          return value.isTextual();
        case INTEGER:
          return value.isIntegralNumber();
        case NUMBER:
          return value.isNumber();
        case BOOLEAN:
          return value.isBoolean();
        case OBJECT:
          return value.isObject();
        default:
          return value.isArray();
      }
    }

    @Override
    public String toString() {
      return name + " (" + source + ")";
    }
  }

  private ZohoShapes() {}

  static Shape shape(String name) {
    Shape shape = SHAPES.get(name);
    if (shape == null) {
      throw new IllegalArgumentException("no shape " + name);
    }
    return shape;
  }

  /** Every shape, in the order written. */
  static List<Shape> all() {
    return new ArrayList<>(SHAPES.values());
  }

  /** The names of the shapes checked so far in this JVM (for the test that every answer type was checked). */
  static Set<String> checked() {
    return Collections.unmodifiableSet(CHECKED);
  }

  private static Shape define(String name, String source, String... specs) {
    List<Key> keys = new ArrayList<>();
    for (String spec : specs) {
      boolean optional = spec.startsWith("~");
      String s = optional ? spec.substring(1) : spec;
      int colon = s.lastIndexOf(':');
      String keyName = s.substring(0, colon);
      String type = s.substring(colon + 1);
      String nested = null;
      int gt = type.indexOf('>');
      if (gt >= 0) {
        nested = type.substring(gt + 1);
        type = type.substring(0, gt);
      }
      boolean nullable = type.endsWith("?");
      if (nullable) {
        type = type.substring(0, type.length() - 1);
      }
      keys.add(new Key(keyName, Type.valueOf(type.toUpperCase()), nullable, optional, nested));
    }
    Shape shape = new Shape(name, source, List.copyOf(keys));
    SHAPES.put(name, shape);
    return shape;
  }

  // ---- common pieces ----

  /** {@code {"name", "id"}} of a user (email where Zoho adds it): users.json #/components/schemas/Minified_User. */
  static final Shape USER_REF = define("user reference", "users.json #/components/schemas/Minified_User",
      "name:string", "id:string", "~email:string");

  /** {@code {"api_name", "id"}} of a module: modules.json #/components/schemas/Minified_Module. */
  static final Shape MODULE_REF = define("module reference", "modules.json #/components/schemas/Minified_Module",
      "api_name:string?", "id:string?", "~module_name:string");

  /** Any CRM error: common.json #/components/schemas/API_Exception (status, code, message, details). */
  static final Shape ERROR = define("error", "common.json #/components/schemas/API_Exception",
      "code:string", "details:object", "message:string", "status:string");

  /** The {@code info} of lists that are not records: common.json #/components/schemas/info. */
  static final Shape PAGE_INFO = define("page info", "common.json #/components/schemas/info",
      "per_page:integer?", "count:integer?", "page:integer?", "more_records:boolean?");

  // ---- records (record.json) ----

  /**
   * A record as the records API answers it: its {@code id}, and the system fields typed as Zoho documents them when
   * present (record.json #/components/schemas/Record; the lookup shape from Minified_User). A list answers only the
   * fields asked for, and {@code id}.
   */
  static final Shape RECORD = define("record", "record.json #/components/schemas/Record",
      "id:string", "~Owner:object>user reference", "~Created_By:object>user reference",
      "~Modified_By:object>user reference", "~Created_Time:string", "~Modified_Time:string");

  /**
   * The {@code info} of a records list: record.json #/components/schemas/Info. The page-token keys are null when
   * there is no next page (get-records.html sample).
   */
  static final Shape RECORDS_INFO = define("records info", "record.json #/components/schemas/Info",
      "per_page:integer", "count:integer", "page:integer", "more_records:boolean", "sort_by:string",
      "sort_order:string", "call:boolean", "email:boolean", "next_page_token:string?",
      "previous_page_token:string?", "page_token_expiry:string?");

  /** A page of records: record.json #/components/schemas/Response_Wrapper. */
  static final Shape RECORDS_PAGE = define("records page", "record.json #/components/schemas/Response_Wrapper",
      "data:array>record", "info:object>records info");

  /** One record by id: the same wrapper without {@code info} (get-records.html, "Get a specific record"). */
  static final Shape RECORD_ANSWER = define("record answer", "record.json #/components/schemas/Response_Wrapper",
      "data:array>record");

  /**
   * One record's result in a write or delete: record.json #/components/schemas/Success_Response (and API_Exception
   * for a failed record); {@code action} and {@code duplicate_field} only on upsert.
   */
  static final Shape ACTION_RESULT = define("action result", "record.json #/components/schemas/Success_Response",
      "code:string", "details:object", "message:string", "status:string", "~action:string",
      "~duplicate_field:string");

  /** The answer of a write or delete: {@code {"data": [results]}} (record.json Success/Action wrappers). */
  static final Shape ACTION_ANSWER = define("action answer", "record.json #/components/schemas/Success_Response",
      "data:array>action result");

  /** An entry of the deleted-records list: record.json #/components/schemas/Deleted_Record. */
  static final Shape DELETED_RECORD = define("deleted record", "record.json #/components/schemas/Deleted_Record",
      "deleted_by:object>user reference", "id:string", "display_name:string", "type:string",
      "created_by:object>user reference", "deleted_time:string");

  /** The deleted-records list: record.json #/components/schemas/Deleted_Records_Wrapper. */
  static final Shape DELETED_PAGE = define("deleted records page",
      "record.json #/components/schemas/Deleted_Records_Wrapper", "data:array>deleted record",
      "info:object>page info");

  /** {@code GET /{module}/actions/count}: record_count.json, response {@code {"count": n}}. */
  static final Shape COUNT = define("record count", "record_count.json, GET /crm/v8/{module_api_name}/actions/count",
      "count:integer");

  // ---- COQL (coql.json) ----

  /** The {@code info} of a COQL answer: {@code count} and {@code more_records} (COQL-Overview.html sample). */
  static final Shape COQL_INFO = define("coql info", "coql.json #/components/schemas/Response_Wrapper (info)",
      "count:integer", "more_records:boolean");

  /** A COQL answer: coql.json #/components/schemas/Response_Wrapper. */
  static final Shape COQL_PAGE = define("coql page", "coql.json #/components/schemas/Response_Wrapper",
      "data:array>record", "info:object>coql info");

  // ---- users (users.json) ----

  /** A role or profile of a user: users.json #/components/schemas/role and #/components/schemas/profile. */
  static final Shape NAMED_ID = define("role or profile", "users.json #/components/schemas/role, profile",
      "name:string", "id:string");

  /**
   * A user: users.json #/components/schemas/users. {@code time_zone} is a string such as {@code Asia/Kolkata}, as
   * get-users.html's sample shows it (the OpenAPI file types it as an object).
   */
  static final Shape USER = define("user", "users.json #/components/schemas/users",
      "country:string?", "language:string", "microsoft:boolean", "id:string", "state:string?", "fax:string?",
      "country_locale:string", "zip:string?", "created_time:string", "time_format:string?", "offset:integer",
      "profile:object>role or profile", "role:object>role or profile", "created_by:object>user reference",
      "full_name:string", "zuid:string", "phone:string?", "dob:string?", "status:string", "city:string?",
      "signature:string?", "sort_order_preference__s:string", "category:string", "date_format:string?",
      "confirm:boolean", "decimal_separator:string?", "number_separator:string?", "time_zone:string",
      "last_name:string?", "mobile:string?", "Reporting_To:object?>user reference", "Currency:string?",
      "Modified_Time:string", "website:string?", "status_reason__s:string?", "email:string", "first_name:string",
      "sandboxDeveloper:boolean", "alias:string?", "street:string?", "Modified_By:object>user reference",
      "Isonline:boolean", "locale:string", "name_format__s:string?", "personal_account:boolean",
      "default_tab_group:string", "theme:object", "customize_info:object");

  /** The users list: users.json #/components/schemas/Response_Wrapper ({@code users} and {@code info}). */
  static final Shape USERS_PAGE = define("users page", "users.json #/components/schemas/Response_Wrapper",
      "users:array>user", "info:object>page info");

  // ---- org (org.json) ----

  /** The licence block of the org: org.json #/components/schemas/License_Details. */
  static final Shape LICENSE = define("license details", "org.json #/components/schemas/License_Details",
      "paid_expiry:string?", "users_license_purchased:integer", "trial_type:string?", "trial_expiry:string?",
      "paid:boolean", "paid_type:string", "trial_action:string?");

  /** The organisation: org.json #/components/schemas/Org (every key the schema marks required). */
  static final Shape ORG = define("org", "org.json #/components/schemas/Org",
      "country:string", "photo_id:string?", "city:string?", "description:string?", "mc_status:boolean",
      "gapps_enabled:boolean", "translation_enabled:boolean", "street:string?", "domain_name:string",
      "alias:string?", "currency:string", "id:string", "state:string?", "fax:string?", "zip:string?",
      "employee_count:string?", "website:string?", "currency_symbol:string", "mobile:string?",
      "currency_locale:string", "primary_zuid:string", "zia_portal_id:string?", "time_zone:string", "zgid:string",
      "country_code:string", "deletable_org_account:boolean", "license_details:object>license details",
      "hierarchy_preferences:object", "phone:string?", "company_name:string", "privacy_settings:boolean",
      "primary_email:string", "iso_code:string", "hipaa_compliance_enabled:boolean", "lite_users_enabled:boolean",
      "max_per_page:integer", "ezgid:string", "call_icon:string?", "oauth_presence:boolean", "zia_zgid:integer?",
      "checkin_preferences:object", "type:string", "~created_time:string");

  /** {@code GET /org}: one organisation in an array named {@code org} (org.json Response_Wrapper). */
  static final Shape ORG_ANSWER = define("org answer", "org.json #/components/schemas/Response_Wrapper",
      "org:array>org");

  // ---- modules (modules.json) ----

  /**
   * A module in the modules list: modules.json #/components/schemas/modules, the keys the list answers (the
   * get-modules sample); the detail keys (fields, layouts, related lists, ...) come with one module only.
   */
  static final Shape MODULE_SUMMARY = define("module", "modules.json #/components/schemas/modules",
      "has_more_profiles:boolean", "sub_menu_available:boolean", "deletable:boolean", "description:string?",
      "creatable:boolean", "recycle_bin_on_delete:boolean", "inventory_template_supported:boolean",
      "modified_time:string?", "plural_label:string?", "presence_sub_menu:boolean", "triggers_supported:boolean",
      "id:string", "isBlueprintSupported:boolean", "visibility:integer", "visible:boolean", "convertable:boolean",
      "editable:boolean", "emailTemplate_support:boolean", "email_parser_supported:boolean",
      "filter_supported:boolean", "show_as_tab:boolean", "web_link:string?", "sequence_number:integer",
      "singular_label:string?", "viewable:boolean", "api_supported:boolean", "api_name:string?",
      "quick_create:boolean", "generated_type:string", "feeds_required:boolean", "scoring_supported:boolean",
      "webform_supported:boolean", "arguments:array", "module_name:string", "profile_count:integer",
      "business_card_field_limit:integer", "track_current_data:boolean", "modified_by:object?>user reference",
      "profiles:array>role or profile", "parent_module:object?", "activity_badge:string?", "status:string");

  /** One module ({@code settings/modules/{api_name}}): the summary keys and the detail keys of the same schema. */
  static final Shape MODULE = define("module detail", "modules.json #/components/schemas/modules",
      concat(MODULE_SUMMARY, "chart_view:boolean", "chart_view_supported:boolean", "$field_states:array",
          "business_card_fields:array", "per_page:integer?", "$properties:array", "$on_demand_properties:array",
          "search_layout_fields:array", "kanban_view_supported:boolean?", "lookup_field_properties:object",
          "kanban_view:boolean?", "related_lists:array", "filter_status:boolean?", "related_list_properties:object",
          "display_field:object?", "layouts:array", "fields:array", "custom_view:object?", "zia_view:boolean?",
          "default_mapping_fields:array", "layout_associations:array"));

  /** {@code GET /settings/modules}: modules.json Response_Wrapper. */
  static final Shape MODULES_ANSWER = define("modules answer", "modules.json #/components/schemas/Response_Wrapper",
      "modules:array>module");

  /** {@code GET /settings/modules/{api_name}}: the same wrapper, one module with every key. */
  static final Shape MODULE_ANSWER = define("module answer", "modules.json #/components/schemas/Response_Wrapper",
      "modules:array>module detail");

  // ---- fields (fields.json) ----

  /** A picklist value: fields.json #/components/schemas/pick_list_values (the keys the schema marks required). */
  static final Shape PICK_LIST_VALUE = define("pick list value", "fields.json #/components/schemas/pick_list_values",
      "display_value:string", "actual_value:string", "id:string", "sequence_number:integer", "type:string",
      "colour_code:string?", "~reference_value:string");

  /**
   * A field: fields.json #/components/schemas/fields, every key the schema marks required. Left out: three keys of
   * that schema that are not answers ({@code _update_existing_records}, a request flag; {@code common.picklist} and
   * {@code file_upolad_optionlist}, which no answer sample shows).
   */
  static final Shape FIELD = define("field", "fields.json #/components/schemas/fields",
      "associated_module:object?", "data_type:string", "operation_type:object", "system_mandatory:boolean",
      "webhook:boolean", "blueprint_supported:boolean", "virtual_field:boolean", "field_read_only:boolean",
      "customizable_properties:array", "read_only:boolean", "custom_field:boolean", "businesscard_supported:boolean",
      "filterable:boolean", "visible:boolean", "available_in_user_layout:boolean", "display_field:boolean",
      "pick_list_values_sorted_lexically:boolean", "sortable:boolean", "layout_associations:array",
      "separator:boolean", "searchable:boolean", "enable_colour_code:boolean", "mass_update:boolean",
      "json_type:string", "created_source:string", "type:string", "display_label:string", "column_name:string?",
      "api_name:string", "display_type:integer", "ui_type:integer", "colour_code_enabled_by_system:boolean?",
      "length:integer", "decimal_place:integer?", "quick_sequence_number:string", "email_parser:object",
      "rollup_summary:object?", "refer_from_field:object?", "created_time:string?", "modified_time:string?",
      "show_type:integer", "category:integer", "id:string", "multi_module_lookup:object?",
      "sharing_properties:object?", "currency:object?", "lookup:object?", "profiles:array", "view_type:object",
      "unique:object?", "sub_module:object?", "subform:object?", "external:object?", "formula:object?",
      "private:object?", "convert_mapping:object?", "multiselectlookup:object?", "multiuserlookup:object?",
      "autonumber:object?", "auto_number:object?", "pick_list_values:array>pick list value", "crypt:object?",
      "tooltip:object?", "history_tracking:object?", "association_details:object?", "allowed_modules:array",
      "additional_column:string?", "field_label:string", "hipaa_compliance_enabled:boolean?",
      "hipaa_compliance:object?");

  /** {@code GET /settings/fields?module=}: fields.json Response_Wrapper. */
  static final Shape FIELDS_ANSWER = define("fields answer", "fields.json #/components/schemas/Response_Wrapper",
      "fields:array>field");

  // ---- layouts (layouts.json) ----

  /** A section of a layout: layouts.json #/components/schemas/sections. */
  static final Shape SECTION = define("layout section", "layouts.json #/components/schemas/sections",
      "display_label:string?", "sequence_number:integer?", "isSubformSection:boolean?", "tab_traversal:string?",
      "api_name:string?", "column_count:integer?", "name:string?", "generated_type:string?", "id:string?",
      "type:string?", "fields:array>field", "properties:object?");

  /** A layout: layouts.json #/components/schemas/layouts (the keys the schema marks required). */
  static final Shape LAYOUT = define("layout", "layouts.json #/components/schemas/layouts",
      "has_more_profiles:boolean?", "created_time:string?", "modified_time:string?", "visible:boolean?",
      "source:string?", "id:string?", "name:string?", "display_label:string?", "mode:string?",
      "subform_properties:object?", "status:string?", "show_business_card:boolean?", "generated_type:string?",
      "created_for:object?", "convert_mapping:object?", "modified_by:object?>user reference",
      "profiles:array>layout profile", "created_by:object?>user reference", "sections:array>layout section",
      "actions_allowed:object");

  /** A profile of a layout: layouts.json #/components/schemas/profiles. */
  static final Shape LAYOUT_PROFILE = define("layout profile", "layouts.json #/components/schemas/profiles",
      "default:boolean?", "name:string?", "id:string?", "_default_view:object?");

  /** {@code GET /settings/layouts?module=}: layouts.json wrapper ({@code layouts}). */
  static final Shape LAYOUTS_ANSWER = define("layouts answer", "layouts.json #/components/schemas/wrapper",
      "layouts:array>layout");

  // ---- related lists (related_lists.json) ----

  /** A related list: related_lists.json #/components/schemas/related_list. */
  static final Shape RELATED_LIST = define("related list", "related_lists.json #/components/schemas/related_list",
      "id:string", "sequence_number:string?", "display_label:string?", "api_name:string?",
      "module:object?>module reference", "name:string?", "action:string?", "href:string?", "type:string?",
      "customize_sort:boolean?", "customize_fields:boolean?", "customize_display_label:boolean?",
      "sort_by:object?", "sort_order:string?", "fields:array", "status:string");

  /** {@code GET /settings/related_lists?module=}: related_lists.json Response_Wrapper. */
  static final Shape RELATED_LISTS_ANSWER = define("related lists answer",
      "related_lists.json #/components/schemas/Response_Wrapper", "related_lists:array>related list");

  // ---- notes (notes.json) and related records (related_records.json) ----

  /** A note's parent: notes.json #/components/schemas/Parent_Id. */
  static final Shape NOTE_PARENT = define("note parent", "notes.json #/components/schemas/Parent_Id",
      "module:object>module reference", "id:string", "name:string?");

  /** A note: notes.json #/components/schemas/Note (every key the schema marks required). */
  static final Shape NOTE = define("note", "notes.json #/components/schemas/Note",
      "Modified_Time:string", "$attachments:array?", "Owner:object>user reference", "Created_Time:string",
      "Parent_Id:object>note parent", "$editable:boolean", "$is_shared_to_client:boolean?",
      "Modified_By:object>user reference", "$size:string?", "$state:string", "$voice_note:boolean", "id:string",
      "Created_By:object>user reference", "Note_Title:string?", "Note_Content:string?");

  /** Notes of a record: related_records.json / notes.json Response_Wrapper ({@code data}, {@code info}). */
  static final Shape NOTES_PAGE = define("notes page", "notes.json #/components/schemas/Response_Wrapper",
      "data:array>note", "info:object>page info");

  /** Related records asked with {@code fields}: related_records.json #/components/schemas/Response_Wrapper. */
  static final Shape RELATED_PAGE = define("related records page",
      "related_records.json #/components/schemas/Response_Wrapper", "data:array>record", "info:object>page info");

  /** One note by id: the same wrapper without {@code info}. */
  static final Shape NOTE_ANSWER = define("note answer", "notes.json #/components/schemas/Response_Wrapper",
      "data:array>note");

  // ---- bulk APIs (bulk_read.json, bulk_write.json) ----

  /** A bulk job's acceptance or a file upload: bulk_read.json / bulk_write.json Success_Response. */
  static final Shape BULK_SUCCESS = define("bulk success", "bulk_write.json #/components/schemas/Success_Response",
      "status:string", "code:string", "message:string", "details:object");

  /** {@code POST /crm/bulk/v8/read}, 201: bulk_read.json, the response of that path ({@code data}, {@code info}). */
  static final Shape BULK_READ_CREATED = define("bulk read created",
      "bulk_read.json paths./crm/bulk/v8/read.post.responses.201", "data:array>bulk success", "info:object");

  /** The result of a finished Bulk Read job: bulk_read.json #/components/schemas/Result. */
  static final Shape BULK_READ_RESULT = define("bulk read result", "bulk_read.json #/components/schemas/Result",
      "page:integer", "count:integer", "download_url:string", "per_page:integer", "more_records:boolean",
      "~next_page_token:string");

  /**
   * A Bulk Read job: bulk_read.json #/components/schemas/Job_Detail ({@code result} once the job is done; the
   * failure block {@code error_message} when it failed).
   */
  static final Shape BULK_READ_JOB = define("bulk read job", "bulk_read.json #/components/schemas/Job_Detail",
      "id:string", "operation:string", "state:string", "query:object", "created_by:object>user reference",
      "created_time:string", "~result:object", "file_type:string");

  /** {@code GET /crm/bulk/v8/read/{job_id}}: bulk_read.json #/components/schemas/Response_Wrapper. */
  static final Shape BULK_READ_JOBS = define("bulk read status", "bulk_read.json #/components/schemas/Response_Wrapper",
      "data:array>bulk read job");

  /** {@code GET /crm/bulk/v8/write/{job_id}}: bulk_write.json #/components/schemas/Bulk_Write_Response. */
  static final Shape BULK_WRITE_JOB = define("bulk write status",
      "bulk_write.json #/components/schemas/Bulk_Write_Response", "status:string", "character_encoding:string",
      "resource:array", "id:string", "~result:object", "operation:string", "~created_by:object>user reference",
      "~created_time:string", "~callback:object");

  // ---- Zoho Accounts (OAuth): https://www.zoho.com/accounts/protocol/oauth/ ----

  /**
   * A token answer: web-apps/access-token.html (access_token, refresh_token on an offline consent, api_domain,
   * token_type, expires_in in seconds), {@code scope} space-separated, {@code id_token} with OpenID scopes
   * (the sources of zoho-protocol.md sections 3 and 9.1).
   */
  static final Shape TOKEN_ANSWER = define("token answer", "accounts web-apps/access-token.html",
      "access_token:string", "~refresh_token:string", "~scope:string", "api_domain:string", "token_type:string",
      "expires_in:integer", "~id_token:string");

  /**
   * An OAuth error: {@code {"error": ...}} (web-apps/access-token.html), with {@code error_description} and, on the
   * throttle, {@code status} failure (Kaizen #43); {@code user_location} on the device flow's {@code other_dc}
   * (devices/polling-request.html).
   */
  static final Shape OAUTH_ERROR = define("oauth error", "accounts web-apps/access-token.html, Kaizen #43",
      "error:string", "~error_description:string", "~status:string", "~user_location:string");

  /** A revoke answer: {@code {"status": "success"}} (revoke-refresh-token.html), or a failure with an error. */
  static final Shape REVOKE_ANSWER = define("revoke answer", "accounts revoke-refresh-token.html",
      "status:string", "~error:string");

  /**
   * The device-code answer: devices/initiation-request.html (device_code, user_code, verification_url, interval and
   * expires_in in milliseconds), and the undocumented verification_uri_complete real answers carry.
   */
  static final Shape DEVICE_CODE_ANSWER = define("device code answer", "accounts devices/initiation-request.html",
      "device_code:string", "user_code:string", "verification_url:string", "~verification_uri_complete:string",
      "interval:integer", "expires_in:integer");

  private static String[] concat(Shape base, String... more) {
    List<String> specs = new ArrayList<>();
    for (Key k : base.keys) {
      StringBuilder spec = new StringBuilder(k.optional ? "~" : "").append(k.name).append(':')
          .append(k.type.name().toLowerCase()).append(k.nullable ? "?" : "");
      if (k.nested != null) {
        spec.append('>').append(k.nested);
      }
      specs.add(spec.toString());
    }
    specs.addAll(List.of(more));
    return specs.toArray(new String[0]);
  }
}
