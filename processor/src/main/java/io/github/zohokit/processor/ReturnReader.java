package io.github.zohokit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.zohokit.processor.ClientModel.Decoding;
import io.github.zohokit.processor.ClientModel.ReturnKind;
import io.github.zohokit.processor.ClientModel.Returns;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads how a method returns. How it decides: the wrapper ({@code Optional}, {@code CompletableFuture},
 * {@code Stream}, {@code ZohoResponse}, or none) picks the {@link ReturnKind}; the value inside picks where in Zoho's
 * answer it is ({@link Decoding}): a {@code String} is the text, a {@code List} the body's first array
 * ({@code data}, {@code users}, ...), a map, {@code JsonNode} or {@code ZohoEnvelope} the whole body, and any other
 * type the first element of that array (one record). A {@code Stream<T>} pages through {@code RecordPage<T>}s, so it
 * needs {@code @Get}. Wrappers do not nest.
 *
 * <p>Binary answers (a Bulk Read ZIP, an attachment, a photo): {@code byte[]} reads the whole body, also inside the
 * wrappers; {@code InputStream} and {@code ZohoDownload} stream it and are returned only as themselves (the caller
 * closes them; a {@code ZohoDownload} carries the status and headers a wrapper would add).
 */
final class ReturnReader {
  static final ClassName RECORD_PAGE = ClassName.get("io.github.zohokit.crm", "RecordPage");
  private static final String ZOHO_RESPONSE = "io.github.zohokit.ZohoResponse";
  private static final String ZOHO_DOWNLOAD = "io.github.zohokit.ZohoDownload";
  private static final String INPUT_STREAM = "java.io.InputStream";
  private static final Set<String> WRAPPERS = Set.of("java.util.concurrent.CompletableFuture", "java.util.Optional",
      "java.util.stream.Stream", "java.lang.Void");

  private final ErrorReporter errors;
  private final TypeChecks types;

  ReturnReader(ErrorReporter errors, TypeChecks types) {
    this.errors = errors;
    this.types = types;
  }

  /** How {@code method} returns; empty after reporting an unsupported return type. */
  Optional<Returns> read(ExecutableElement method, String httpMethod) {
    String where = method.getSimpleName() + "()";
    TypeMirror r = method.getReturnType();
    if (r.getKind() == TypeKind.VOID) {
      return Optional.of(new Returns(ReturnKind.VOID, null, null));
    }
    if (TypeChecks.isByteArray(r)) {
      return Optional.of(new Returns(ReturnKind.BODY, Decoding.BYTES, null));
    }
    if (r.getKind() != TypeKind.DECLARED) {
      return unsupported(method, where, r);
    }
    DeclaredType declared = (DeclaredType) r;
    ReturnKind kind;
    TypeMirror value = r;
    switch (types.erasureName(declared)) {
      case "java.util.Optional":
        kind = ReturnKind.OPTIONAL;
        value = TypeChecks.argument(declared);
        break;
      case "java.util.concurrent.CompletableFuture":
        value = TypeChecks.argument(declared);
        if (value != null && types.erasureName(value).equals("java.lang.Void")) {
          return Optional.of(new Returns(ReturnKind.FUTURE_VOID, null, null));
        }
        kind = ReturnKind.FUTURE;
        break;
      case "java.util.stream.Stream":
        if (!httpMethod.equals("GET")) {
          errors.error(method, where + " returns a Stream, which pages through a list; that needs @Get");
          return Optional.empty();
        }
        value = TypeChecks.argument(declared);
        if (!types.isConcrete(value)) {
          return unsupported(method, where, r);
        }
        return Optional.of(new Returns(ReturnKind.STREAM, Decoding.WHOLE,
            ParameterizedTypeName.get(RECORD_PAGE, TypeName.get(value))));
      case ZOHO_RESPONSE:
        kind = ReturnKind.RESPONSE;
        value = TypeChecks.argument(declared);
        break;
      case INPUT_STREAM:
        return Optional.of(new Returns(ReturnKind.INPUT_STREAM, null, null));
      case ZOHO_DOWNLOAD:
        return Optional.of(new Returns(ReturnKind.DOWNLOAD, null, null));
      default:
        kind = ReturnKind.BODY;
    }
    if (TypeChecks.isByteArray(value)) {
      return Optional.of(new Returns(kind, Decoding.BYTES, null));
    }
    if (types.isA(value, INPUT_STREAM) || types.isA(value, ZOHO_DOWNLOAD)) {
      errors.error(method, where + " returns " + r + ", but a streamed body is returned only as InputStream or "
          + "ZohoDownload itself, which the caller closes; return ZohoDownload for the status and headers (204 and "
          + "304 come with an empty body)" + (kind == ReturnKind.BODY ? "" : ", or byte[] inside "
          + declared.asElement().getSimpleName() + "<...> to read the whole body"));
      return Optional.empty();
    }
    if (!types.isConcrete(value) || WRAPPERS.contains(types.erasureName(value))) {
      return unsupported(method, where, r);
    }
    if (types.erasureName(value).equals("java.lang.String")) {
      return Optional.of(new Returns(kind, Decoding.TEXT, null));
    }
    Decoding decoding = types.isList(value) ? Decoding.LIST : types.isWhole(value) ? Decoding.WHOLE : Decoding.SINGLE;
    return Optional.of(new Returns(kind, decoding, TypeName.get(value)));
  }

  private Optional<Returns> unsupported(ExecutableElement method, String where, TypeMirror type) {
    errors.error(method, where + " returns " + type + ", which a Zoho client cannot return. Supported: void, a body "
        + "type T (a record, POJO, List, String, JsonNode or a ZohoEnvelope such as RecordPage), Optional<T>, "
        + "CompletableFuture<T>, Stream<T> (paging, GET only) and ZohoResponse<T>; for a file: byte[], InputStream "
        + "or ZohoDownload");
    return Optional.empty();
  }
}
