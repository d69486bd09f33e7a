package io.github.zohokit.spring.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Finds {@link WithFakeZoho} on a test class (registered in {@code META-INF/spring.factories}). */
final class FakeZohoContextCustomizerFactory implements ContextCustomizerFactory {
  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    WithFakeZoho settings = TestContextAnnotationUtils.findMergedAnnotation(testClass, WithFakeZoho.class);
    return settings == null ? null : new FakeZohoContextCustomizer(settings);
  }
}
