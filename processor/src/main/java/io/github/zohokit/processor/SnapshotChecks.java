package io.github.zohokit.processor;

import io.github.zohokit.annotation.Fields;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.scope.ScopeRequirement;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The compile-time checks against the organisation's schema snapshot ({@link OrgSnapshot}): field names of a
 * constant {@code fields=} query and of {@code @Fields} parameters, and a {@code @Coql} statement's module, fields
 * and literals. Without a snapshot only what needs none is checked (at most 50 fields); everything else is off, as
 * before snapshots existed.
 *
 * <p>How it decides: the module of a {@code fields} list is the path's {@code {module}} segment as the scope
 * catalogue places it ({@code /crm/v8/Leads} in {@code GET /crm/v8/{module}}), when that segment is literal; a
 * variable module is checked at run time by nobody (Zoho answers). A name is a field when the snapshot's module has
 * it (ignoring case), or it is {@code id}, or it starts with {@code $} (Zoho's system keys). A dotted COQL path
 * follows lookups ({@code lookup.module} in the snapshot); a lookup into a module the snapshot does not hold, or
 * into users, is not followed. A literal fits a field when: a number or numeric text for numeric types; digits for
 * ids and lookups; {@code 'yyyy-MM-dd'} for a date; {@code 'yyyy-MM-ddTHH:mm:ss±hh:mm'} for a date-time; true or
 * false for a boolean; quoted text for text-like types; values of {@code like} and parameters are not checked.
 */
final class SnapshotChecks {
  static final int MAX_FIELDS = 50;
  private static final Set<String> NUMERIC = Set.of("integer", "bigint", "long", "double", "currency", "percent",
      "decimal");
  private static final Set<String> ID_LIKE = Set.of("lookup", "ownerlookup", "userlookup", "bigint");
  private static final Set<String> TEXT = Set.of("text", "textarea", "email", "phone", "website", "picklist",
      "multiselectpicklist", "autonumber");
  private static final Set<String> HTTP = Set.of("Get", "Post", "Put", "Patch", "Delete");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}([+-]\\d{2}:\\d{2}|Z)");

  private final ErrorReporter errors;
  private OrgSnapshot snapshot;

  SnapshotChecks(ErrorReporter errors) {
    this.errors = errors;
  }

  /** Turns the snapshot checks on; null turns them off. */
  void use(OrgSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  /** Checks a constant {@code fields=} in {@code path} and every {@code @Fields} parameter of {@code method}. */
  void checkFields(ExecutableElement method, String httpMethod, PathTemplate path) {
    String where = method.getSimpleName() + "()";
    String module = ScopeRequirement.moduleSegment(httpMethod, path.path()).orElse(null);
    for (String[] pair : path.constantQuery()) {
      if (pair[0].equals("fields")) {
        List<String> names = new ArrayList<>();
        for (String name : pair[1].split(",")) {
          if (!name.isBlank()) {
            names.add(name.trim());
          }
        }
        fieldList(method, httpAnnotation(method), "the fields= of " + where, names, module);
      }
    }
    for (VariableElement p : method.getParameters()) {
      Fields fields = p.getAnnotation(Fields.class);
      if (fields == null) {
        continue;
      }
      Query query = p.getAnnotation(Query.class);
      AnnotationMirror mirror = mirror(p, Fields.class);
      if (query == null || !query.value().equals("fields")) {
        errors.error(p, mirror, "@Fields on '" + p.getSimpleName() + "' of " + where + " belongs on the "
            + "@Query(\"fields\") parameter; annotate that one, or remove @Fields");
        continue;
      }
      fieldList(p, mirror, "@Fields of '" + p.getSimpleName() + "'", List.of(fields.value()), module);
    }
  }

  private void fieldList(Element element, AnnotationMirror on, String what, List<String> names, String module) {
    if (names.size() > MAX_FIELDS) {
      errors.error(element, on, what + " names " + names.size() + " fields; Zoho takes at most " + MAX_FIELDS
          + " per request: split the call, or drop fields you do not read");
    }
    if (snapshot == null || module == null) {
      return;
    }
    OrgSnapshot.Module m = snapshot.supportedModule(module);
    if (m == null) {
      errors.error(element, on, snapshot.notAModule(module));
      return;
    }
    for (String name : names) {
      if (!name.startsWith("$") && !name.equalsIgnoreCase("id") && m.field(name) == null) {
        errors.error(element, on, snapshot.notAField(name, m));
      }
    }
  }

  /** Checks a parsed {@code @Coql} statement against the snapshot; nothing without one. */
  void check(ExecutableElement method, CoqlStatement statement) {
    if (snapshot == null) {
      return;
    }
    AnnotationMirror on = mirror(method, io.github.zohokit.annotation.Coql.class);
    String name = statement.module().startsWith("!") ? statement.module().substring(1) : statement.module();
    OrgSnapshot.Module module = snapshot.supportedModule(name);
    if (module == null) {
      errors.error(method, on, snapshot.notAModule(name));
      return;
    }
    List<CoqlStatement.FieldRef> all = new ArrayList<>(statement.columns());
    all.addAll(statement.otherFields());
    Set<String> reported = new java.util.HashSet<>();
    for (CoqlStatement.FieldRef ref : all) {
      String problem = resolve(ref.path(), module).problem();
      if (problem != null && reported.add(problem)) {
        errors.error(method, on, problem);
      }
    }
    for (CoqlStatement.Comparison c : statement.comparisons()) {
      Resolved field = resolve(c.field().path(), module);
      if (field.field() == null || c.operator().endsWith("like")) {
        continue;
      }
      for (CoqlStatement.Token value : c.values()) {
        String problem = fits(field.field(), field.module(), value);
        if (problem != null) {
          errors.error(method, on, problem);
        }
      }
    }
  }

  /** The snapshot's field at {@code path} from {@code moduleName}; null without a snapshot or when it does not resolve. */
  OrgSnapshot.Field fieldOf(String moduleName, String path) {
    if (snapshot == null || path == null) {
      return null;
    }
    OrgSnapshot.Module module = snapshot.supportedModule(moduleName.startsWith("!") ? moduleName.substring(1)
        : moduleName);
    return module == null ? null : resolve(path, module).field();
  }

  /** A resolved path: the field (null when not checked or wrong), its module, or the problem. */
  private record Resolved(OrgSnapshot.Field field, OrgSnapshot.Module module, String problem) {}

  private Resolved resolve(String path, OrgSnapshot.Module base) {
    String rest = path;
    OrgSnapshot.Module module = base;
    if (rest.startsWith("!")) {
      rest = rest.substring(1);
      int dot = rest.indexOf('.');
      if (dot > 0 && rest.substring(0, dot).equalsIgnoreCase(base.apiName())) {
        rest = rest.substring(dot + 1);
      }
    }
    int arrow = rest.indexOf("->");
    if (arrow > 0) {
      // a multi-module lookup: What_Id->Leads.Last_Name
      String field = rest.substring(0, arrow);
      if (module.field(field) == null) {
        return new Resolved(null, module, snapshot.notAField(field, module));
      }
      String target = rest.substring(arrow + 2);
      int dot = target.indexOf('.');
      OrgSnapshot.Module next = dot > 0 ? snapshot.module(target.substring(0, dot)) : null;
      if (next == null) {
        return new Resolved(null, null, null);
      }
      module = next;
      rest = target.substring(dot + 1);
    }
    String[] parts = rest.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      String name = parts[i];
      if (name.equalsIgnoreCase("id") || name.startsWith("$")) {
        return new Resolved(null, module, null);
      }
      OrgSnapshot.Field field = module.field(name);
      if (field == null) {
        return new Resolved(null, module, snapshot.notAField(name, module));
      }
      if (i == parts.length - 1) {
        return new Resolved(field, module, null);
      }
      if (field.lookupModule() == null) {
        if (field.dataType().endsWith("lookup")) {
          return new Resolved(null, null, null); // owner/user lookups: users are not in the snapshot
        }
        return new Resolved(null, module, "`" + field.apiName() + "` of " + module.apiName() + " is a "
            + field.dataType() + " field, not a lookup, so `" + path + "` does not resolve in " + snapshot.where()
            + ". If the org changed, run `mvn zoho:schema`");
      }
      OrgSnapshot.Module next = snapshot.module(field.lookupModule());
      if (next == null) {
        return new Resolved(null, null, null); // a lookup into a module the snapshot does not hold
      }
      module = next;
    }
    return new Resolved(null, module, null);
  }

  /** Null when {@code value} fits {@code field}; else the message. */
  private String fits(OrgSnapshot.Field field, OrgSnapshot.Module module, CoqlStatement.Token value) {
    String type = field.valueType().toLowerCase(Locale.ROOT);
    CoqlStatement.Token.Kind kind = value.kind();
    if (kind == CoqlStatement.Token.Kind.PARAMETER) {
      return null;
    }
    String text = kind == CoqlStatement.Token.Kind.STRING ? value.unquoted() : value.text();
    boolean quoted = kind == CoqlStatement.Token.Kind.STRING;
    String need;
    if (ID_LIKE.contains(type)) {
      if (DIGITS.matcher(text).matches()) {
        return null;
      }
      need = "a record id (digits)";
    } else if (NUMERIC.contains(type)) {
      if (NUMBER.matcher(text).matches()) {
        return null;
      }
      need = "a number, such as 100";
    } else if (type.equals("date")) {
      if (quoted && DATE.matcher(text).matches()) {
        return null;
      }
      need = "a date in quotes, 'yyyy-MM-dd'";
    } else if (type.equals("datetime")) {
      if (quoted && DATE_TIME.matcher(text).matches()) {
        return null;
      }
      need = "a date-time in quotes with its offset, 'yyyy-MM-ddTHH:mm:ss+hh:mm'";
    } else if (type.equals("boolean")) {
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        return null;
      }
      need = "true or false";
    } else if (TEXT.contains(type)) {
      if (quoted) {
        return null;
      }
      need = "text in single quotes";
    } else {
      return null;
    }
    return "`" + value.text() + "` does not fit `" + field.apiName() + "`, a " + type + " field of "
        + module.apiName() + " in " + snapshot.where() + ": write " + need;
  }

  /** The error goes on {@code annotation} of {@code element}. */
  void errorOnAnnotation(Element element, Class<? extends Annotation> annotation, String message) {
    errors.error(element, mirror(element, annotation), message);
  }

  void errorOnScope(Element element, String message) {
    errors.errorOnScope(element, message);
  }

  private static AnnotationMirror mirror(Element element, Class<? extends Annotation> annotation) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(annotation.getCanonicalName())) {
        return m;
      }
    }
    return null;
  }

  private static AnnotationMirror httpAnnotation(Element method) {
    for (AnnotationMirror m : method.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) m.getAnnotationType().asElement();
      if (HTTP.contains(type.getSimpleName().toString())
          && type.getQualifiedName().toString().startsWith("io.github.zohokit.annotation.")) {
        return m;
      }
    }
    return null;
  }
}
