package io.github.zohokit.processor;

import io.github.zohokit.annotation.ZohoScope;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports the processor's findings on the element that has them, and counts the errors: the one way a reader says
 * something was wrong (in the manner of AutoValue's {@code ErrorReporter}). A reader reports and carries on, so
 * that one compilation shows every problem of an interface; {@link InterfaceReader} compares {@link #errorCount()}
 * before and after an interface to decide whether to generate its class.
 */
final class ErrorReporter {
  private final Messager messager;
  private int errors;

  ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** How many errors were reported so far. */
  int errorCount() {
    return errors;
  }

  /** An error on {@code element}. */
  void error(Element element, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  /** An error on {@code annotation} of {@code element} (on the element itself when {@code annotation} is null). */
  void error(Element element, AnnotationMirror annotation, String message) {
    errors++;
    if (annotation == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    }
  }

  /** An error on {@code element}'s {@code @ZohoScope} annotation (on the element itself when it has none). */
  void errorOnScope(Element element, String message) {
    report(Diagnostic.Kind.ERROR, element, message);
  }

  /** A warning on {@code element}'s {@code @ZohoScope} annotation (on the element itself when it has none). */
  void warningOnScope(Element element, String message) {
    report(Diagnostic.Kind.WARNING, element, message);
  }

  private void report(Diagnostic.Kind kind, Element element, String message) {
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    AnnotationMirror annotation = scopeAnnotation(element);
    if (annotation != null) {
      messager.printMessage(kind, message, element, annotation);
    } else {
      messager.printMessage(kind, message, element);
    }
  }

  private static AnnotationMirror scopeAnnotation(Element element) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(ZohoScope.class.getName())) {
        return m;
      }
    }
    return null;
  }
}
