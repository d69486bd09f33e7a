package io.github.zohokit.processor;

import io.github.zohokit.scope.Scope;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What the reader learned about one annotated interface; the writer turns it into a class, {@link ManifestWriter}
 * into the interface's block of the scope manifest. Built only for an interface without errors.
 */
record ClientModel(TypeElement element, ClassName interfaceName, ClassName generatedName, List<MethodModel> methods) {

  /** One interface method. */
  record MethodModel(
      ExecutableElement element,
      String name,
      String httpMethod,
      PathTemplate path,
      /* the declared scopes, each parsed once and checked */
      List<Scope> scopes,
      ScopeOrigin scopeFrom,
      Catalogue catalogueEntry,
      /* the path variable holding the module, checked before the call is sent; null when none */
      String moduleVariable,
      List<ParameterModel> parameters,
      Returns returns) {

    /** Where the scopes were declared, as the manifest writes it. */
    String scopeOrigin() {
      return scopeFrom.manifestText();
    }

    /** What the catalogue knows of the call, as the manifest writes it. */
    String catalogue() {
      return catalogueEntry.manifestText();
    }

    ParameterModel body() {
      for (ParameterModel p : parameters) {
        if (p.kind() == ParameterKind.BODY) {
          return p;
        }
      }
      return null;
    }
  }

  /**
   * Where a method's scopes were declared: on the method, on the interface, or inherited from the super-interface
   * that declares the method.
   *
   * @param kind which of the three
   * @param inheritedFrom the declaring super-interface's qualified name, for {@link Kind#INHERITED} only
   */
  record ScopeOrigin(Kind kind, String inheritedFrom) {
    enum Kind { METHOD, INTERFACE, INHERITED }

    static final ScopeOrigin METHOD = new ScopeOrigin(Kind.METHOD, null);
    static final ScopeOrigin INTERFACE = new ScopeOrigin(Kind.INTERFACE, null);

    static ScopeOrigin inheritedFrom(String superInterface) {
      return new ScopeOrigin(Kind.INHERITED, superInterface);
    }

    /** {@code method}, {@code interface}, or {@code interface <name>}. */
    String manifestText() {
      return kind == Kind.METHOD ? "method" : kind == Kind.INTERFACE ? "interface" : "interface " + inheritedFrom;
    }
  }

  /** What zohokit's scope catalogue knows of a call. */
  enum Catalogue {
    /** Zoho documents the call and its scopes; the declared scopes were checked at compile time. */
    DOCUMENTED("documented"),
    /** Zoho documents the call per module, and the module is a path variable: checked again at run time. */
    DOCUMENTED_MODULE_AT_RUN_TIME("documented, module known at run time"),
    /** A custom module or an API the catalogue does not list: the declared scopes are taken as they are. */
    UNKNOWN("unknown");

    private final String manifestText;

    Catalogue(String manifestText) {
      this.manifestText = manifestText;
    }

    String manifestText() {
      return manifestText;
    }
  }

  /** One method parameter and where it goes. */
  record ParameterModel(String name, TypeName type, ParameterKind kind, String key, boolean objectArray,
      boolean wrapInRecords, TypeName writeType) {}

  /** Where a parameter goes: a {@code @Part} is a file part or a text part of the multipart form. */
  enum ParameterKind { PATH, QUERY, HEADER, BODY, FILE_PART, TEXT_PART }

  /**
   * How the method returns: which terminal method of the runtime's {@code ZohoCall} sends the call, and which
   * {@code Decoder} factory reads the answer into which type.
   *
   * @param kind the terminal method
   * @param decoding the decoder factory; null when no body is read
   * @param readType the type the decoder reads: the value of an {@code Optional} or future, the page of a stream;
   *     null when no body is read, the body is text or bytes, or the body is returned as a stream
   */
  record Returns(ReturnKind kind, Decoding decoding, TypeName readType) {}

  /** How the method returns, and the runtime's {@code ZohoCall} method that sends it. */
  enum ReturnKind {
    VOID("send"), BODY("fetch"), OPTIONAL("fetchOptional"), FUTURE("fetchAsync"), FUTURE_VOID("sendAsync"),
    STREAM("fetchPages"), RESPONSE("fetchResponse"),
    /** An {@code InputStream}: the open body, no decoder. */
    INPUT_STREAM("fetchStream"),
    /** A {@code ZohoDownload}: the open body with status and headers, no decoder. */
    DOWNLOAD("fetchDownload");

    final String terminal;

    ReturnKind(String terminal) {
      this.terminal = terminal;
    }
  }

  /**
   * Where in the answer the value is, named after the runtime's {@code Decoder} factory that reads it there (the
   * runtime has no enum of its own to keep in step with this one).
   */
  enum Decoding {
    /** The whole body: a {@code ZohoEnvelope} such as {@code RecordPage}, a {@code JsonNode}, a map. */
    WHOLE("whole"),
    /** The body's first array member ({@code data}, {@code users}, ...): a {@code List}. */
    LIST("list"),
    /** The first element of that array: one record, user, org. */
    SINGLE("single"),
    /** The body text: a {@code String}. */
    TEXT("text"),
    /** The body's bytes: a {@code byte[]}. */
    BYTES("bytes");

    final String factory;

    Decoding(String factory) {
      this.factory = factory;
    }
  }
}
