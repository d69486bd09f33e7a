package io.github.zohokit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method as a COQL query: the generated API sends it as Zoho's Query API call,
 * {@code POST /crm/v8/coql} with {@code {"select_query": "..."}} (Zoho's page {@code Get-Records-through-COQL-Query}
 * under {@code https://www.zoho.com/crm/developer/docs/api/v8/}), instead of an {@code @Get}/{@code @Post} path.
 *
 * <pre>{@code
 * @ZohoScope({"ZohoCRM.coql.READ", "ZohoCRM.modules.leads.READ"})
 * interface LeadQueries {
 *   @Coql("select Last_Name, Email from Leads where Lead_Status = :status limit 200")
 *   RecordPage<Lead> byStatus(String status);
 * }
 * }</pre>
 *
 * <p><b>Parameters</b> are bound by name: {@code :status} is the method's parameter {@code status}; each parameter
 * is used at least once and takes no other annotation. A value is written as a COQL literal when the call is made,
 * never pasted as text: a {@code CharSequence} (or any other object but those below) in single quotes with
 * {@code \} and {@code '} escaped by a backslash; a number as it is; a {@code Boolean} as {@code true}/{@code false};
 * a {@code LocalDate} as {@code 'yyyy-MM-dd'}; an {@code OffsetDateTime} as {@code 'yyyy-MM-ddTHH:mm:ss+hh:mm'};
 * a collection or array (for {@code in (:ids)}) as a comma-separated list. A null value throws
 * {@code IllegalArgumentException} before anything is sent (write {@code is null} in the query instead).
 *
 * <p><b>Return type</b>: as for any method of an API, typically {@code RecordPage<T>} or {@code List<T>} with a
 * record whose components are the selected fields (a lookup's dotted column {@code Account_Name.Account_Name} comes
 * back under that dotted key), or the record {@link #projection()} generates from the select list. A {@code Stream}
 * is not supported (COQL pages with {@code limit}/{@code offset}).
 *
 * <p><b>Checks at compile time</b>: the statement's syntax (a {@code select} list of at most 50 columns, one
 * {@code from} module, {@code where}/{@code order by}/{@code limit}/{@code offset}), that every {@code :name} is a
 * parameter, and that the method's {@code @ZohoScope} covers {@code ZohoCRM.coql.READ} and a read scope of the
 * module queried. With the organisation's committed schema snapshot ({@code zoho:generate-records}, or the
 * processor option {@code -Azohokit.schema=<dir>}), also: the module exists and is API-supported, every field is a
 * field of it (dotted paths follow lookups), and every literal fits its field's type — each error names the closest
 * field of the snapshot.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Coql {
  /**
   * The COQL statement, with {@code :name} placeholders for the method's parameters.
   *
   * @return the statement, for example {@code select Last_Name from Leads where Email = :email}
   */
  String value();

  /**
   * The simple name of a record to generate in the interface's package for the rows, one component per selected
   * column ({@code Account_Name.Account_Name} becomes {@code accountNameAccountName} with that key in
   * {@code @JsonProperty}), plus the {@code id} Zoho adds; typed from the snapshot's field types (text as
   * {@code String}, integer {@code Integer}, currency, decimal and percent {@code BigDecimal}, boolean, date as
   * {@code LocalDate}, date-time as {@code OffsetDateTime}, multi-select picklist {@code List<String>}), as
   * {@code JsonNode} where the type is not known (no snapshot, an aggregate, a lookup object). The method may name
   * it in its return type, for example {@code RecordPage<ContactedLead>}. Empty (the default): none.
   *
   * @return the record's simple name, or empty
   */
  String projection() default "";
}
