package io.github.zohokit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Issue 26 item 9: an application whose API interface was compiled without zohokit's processor (as this module's
 * tests are: their compiler runs only Spring's configuration processor) is told so, with the processor path to add,
 * instead of only "required a bean of type 'LeadsApi' that could not be found".
 */
@ExtendWith(OutputCaptureExtension.class)
class ZohoMissingApiFailureAnalyzerTest {

  /** An API interface with no generated implementation. */
  @ZohoScope("ZohoCRM.modules.leads.READ")
  public interface LeadsApi {
    @Get("/crm/v8/Leads")
    String list(@Query("fields") String fields);
  }

  /** Not an API: Spring's own analysis stays. */
  public interface SomethingElse {}

  @Component
  static class LeadsPage {
    LeadsPage(LeadsApi leads) {}
  }

  @Component
  static class OtherPage {
    OtherPage(SomethingElse other) {}
  }

  @Component
  static class PretendPage {
    PretendPage(PretendApi pretend) {}
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(ZohoAutoConfiguration.class)
  static class App {}

  private static Throwable startFailure(Class<?> component) {
    try {
      new SpringApplicationBuilder(App.class, component).web(WebApplicationType.NONE)
          .properties("spring.main.banner-mode=off", "zoho.client-id=1000.X", "zoho.client-secret=s",
              "zoho.token-store-kind=memory", "management.health.zoho.enabled=false")
          .run().close();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("the application started");
  }

  @Test
  void aMissingApiBeanIsExplainedWithTheProcessorPath() {
    FailureAnalysis analysis = new ZohoMissingApiFailureAnalyzer().analyze(startFailure(LeadsPage.class));
    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription()).startsWith("LeadsApi (" + LeadsApi.class.getName() + ") carries @ZohoScope "
        + "but has no generated implementation");
    assertThat(analysis.getAction()).contains("annotationProcessorPaths", "<artifactId>zoho-processor</artifactId>",
        "<version>${zohokit.version}</version>");
  }

  @Test
  void otherMissingBeansAreLeftToSpring() {
    assertThat(new ZohoMissingApiFailureAnalyzer().analyze(startFailure(OtherPage.class))).isNull();
    // generated, but not a bean (here: not registered): the processor ran, so this is not the reason
    assertThat(new ZohoMissingApiFailureAnalyzer().analyze(startFailure(PretendPage.class))).isNull();
  }

  @Test
  void springBootsFailureReportShowsIt(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(App.class, LeadsPage.class).web(WebApplicationType.NONE)
        .properties("spring.main.banner-mode=off", "zoho.client-id=1000.X", "zoho.client-secret=s",
            "zoho.token-store-kind=memory", "management.health.zoho.enabled=false").run())
        .isInstanceOf(RuntimeException.class);
    assertThat(output).contains("APPLICATION FAILED TO START", "carries @ZohoScope but has no generated implementation",
        "<artifactId>zoho-processor</artifactId>");
  }
}
