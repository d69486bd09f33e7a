package io.github.zohokit.testkit;

import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link FakeZoho} for JUnit 5 tests: one per test class (default) or a fresh one per test, injected as a
 * {@code FakeZoho} parameter or read from the extension.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeZohoExtension ZOHO = FakeZohoExtension.perClass(b -> b.deviceSlowDownWindow(Duration.ZERO));
 *
 * @Test
 * void refreshesOnce(FakeZoho fake) { ... }
 * }</pre>
 *
 * {@code @ExtendWith(FakeZohoExtension.class)} gives one default fake per class.
 */
public final class FakeZohoExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, ParameterResolver {
  private final boolean perTest;
  private final Consumer<FakeZoho.Builder> configuration;
  private FakeZoho fake;

  /** One default fake per test class: what {@code @ExtendWith(FakeZohoExtension.class)} uses. */
  public FakeZohoExtension() {
    this(false, b -> { });
  }

  private FakeZohoExtension(boolean perTest, Consumer<FakeZoho.Builder> configuration) {
    this.perTest = perTest;
    this.configuration = configuration;
  }

  /**
   * One fake for all tests of the class, with the defaults: tests see each other's clients, tokens, records and
   * counters ({@link FakeZoho#resetObservations()} clears the counters and the request log).
   *
   * @return the extension, for a {@code static} {@code @RegisterExtension} field
   */
  public static FakeZohoExtension perClass() {
    return new FakeZohoExtension(false, b -> { });
  }

  /**
   * One fake for all tests of the class, configured by {@code configuration}.
   *
   * @param configuration called on a fresh {@link FakeZoho.Builder} before the fake starts, once per class
   * @return the extension, for a {@code static} {@code @RegisterExtension} field
   */
  public static FakeZohoExtension perClass(Consumer<FakeZoho.Builder> configuration) {
    return new FakeZohoExtension(false, configuration);
  }

  /**
   * A new fake for each test, with the defaults: no state carries over from one test to the next.
   *
   * @return the extension, for a {@code @RegisterExtension} field
   */
  public static FakeZohoExtension perTest() {
    return new FakeZohoExtension(true, b -> { });
  }

  /**
   * A new fake for each test, configured by {@code configuration}.
   *
   * @param configuration called on a fresh {@link FakeZoho.Builder} before each test's fake starts
   * @return the extension, for a {@code @RegisterExtension} field
   */
  public static FakeZohoExtension perTest(Consumer<FakeZoho.Builder> configuration) {
    return new FakeZohoExtension(true, configuration);
  }

  /**
   * The running fake.
   *
   * @return the fake of the current test class (or test, for {@link #perTest()})
   * @throws IllegalStateException when called outside the tests, before the fake starts or after it stopped
   */
  public FakeZoho fake() {
    if (fake == null) {
      throw new IllegalStateException("the fake Zoho runs only while tests run");
    }
    return fake;
  }

  private FakeZoho start() {
    FakeZoho.Builder builder = FakeZoho.builder();
    configuration.accept(builder);
    return builder.start();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perTest) {
      fake = start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!perTest && fake != null) {
      fake.close();
      fake = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perTest) {
      fake = start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest && fake != null) {
      fake.close();
      fake = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeZoho.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return fake();
  }
}
