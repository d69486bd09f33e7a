package io.github.zohokit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.github.zohokit.processor.DiagnosticsTest.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Types the interface uses that do not resolve yet: read in a later round, or reported as the root cause. */
class DeferredTypesTest {
  private static final JavaFileObject CONTACTS = source("com.example.crm.ContactsApi",
      "package com.example.crm;",
      "import com.example.gen.Contact;",
      "import io.github.zohokit.annotation.*;",
      "import java.util.*;",
      "@ZohoScope(\"ZohoCRM.modules.contacts.ALL\")",
      "public interface ContactsApi {",
      "  @Get(\"/crm/v8/Contacts/{id}\") Optional<Contact> find(@Path(\"id\") String id);",
      "  @Post(\"/crm/v8/Contacts\") List<io.github.zohokit.crm.ActionResult> create(@Body List<Contact> c);",
      "}");

  /** Stands for Immutables, AutoValue or a schema-to-records generator: writes a body type in the first round. */
  static final class BodyTypeGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      try (Writer out = processingEnv.getFiler().createSourceFile("com.example.gen.Contact").openWriter()) {
        out.write("package com.example.gen;\npublic final class Contact { public String id; }\n");
      } catch (IOException e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString());
      }
      return false;
    }
  }

  @Test
  void aBodyTypeGeneratedByAnotherProcessorInALaterRoundIsWaitedFor() {
    Compilation c = javac().withProcessors(new BodyTypeGenerator(), new ZohoProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror").compile(CONTACTS);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("com.example.crm.ZohoContactsApi");
    // the registry is written once the deferred interface was generated, in a round javac still compiles
    assertThat(c).generatedSourceFile("com.example.crm.ZohoApiRegistry").contentsAsUtf8String()
        .contains("apis.add(ContactsApi.class, ZohoContactsApi::new);");
  }

  @Test
  void anUnresolvedTypeIsReportedAsTheRootCauseAndNotAsAnUnsupportedReturn() {
    Compilation c = javac().withProcessors(new ZohoProcessor()).compile(CONTACTS);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("ContactsApi.find() returns Contact, a type that does not resolve: it is not "
        + "imported, missing from the class path, or ambiguous").inFile(CONTACTS).onLine(6);
    assertThat(c).hadErrorContaining("cannot find symbol");
    for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
      org.assertj.core.api.Assertions.assertThat(d.getMessage(null)).doesNotContain("cannot return");
    }
  }

  @Test
  void anAmbiguousSimpleNameIsReportedAsTheRootCause() {
    JavaFileObject api = source("com.example.crm.RecordsApi",
        "package com.example.crm;",
        "import io.github.zohokit.annotation.*;",
        "import java.awt.*;",
        "import java.util.*;",
        "@ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "public interface RecordsApi {",
        "  @Get(\"/crm/v8/Leads\") List find();",
        "}");
    Compilation c = javac().withProcessors(new ZohoProcessor()).compile(api);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("RecordsApi.find() returns").inFile(api).onLine(6);
    assertThat(c).hadErrorContaining("a type that does not resolve");
  }
}
