package io.github.zohokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.limits.ApiLimits;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The {@code zoho.limits.*} defaults are {@link ApiLimits}' own. The properties keep them as literals, so that the
 * configuration processor writes them into the metadata IDEs show; this test is what keeps the two in step.
 */
class ZohoLimitsPropertiesTest {
  private final ZohoLimitsProperties properties = new ZohoLimitsProperties();
  private final ApiLimits defaults = ApiLimits.builder().build();

  @Test
  void everyDefaultIsApiLimitsDefault() {
    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(properties.getEdition()).as("zoho.limits.edition").isEqualTo(defaults.edition());
    softly.assertThat(properties.isDetectEdition()).as("zoho.limits.detect-edition")
        .isEqualTo(defaults.detectEdition());
    softly.assertThat(properties.getConcurrency()).as("zoho.limits.concurrency (the edition's)").isNull();
    softly.assertThat(properties.getHeadroom()).as("zoho.limits.headroom").isEqualTo(defaults.headroom());
    softly.assertThat(properties.getHeavyConcurrency()).as("zoho.limits.heavy-concurrency")
        .isEqualTo(defaults.heavyConcurrency());
    softly.assertThat(properties.getDailyCredits()).as("zoho.limits.daily-credits").isEqualTo(defaults.dailyCredits());
    softly.assertThat(properties.getUserLicences()).as("zoho.limits.user-licences")
        .isEqualTo(defaults.userLicences());
    softly.assertThat(properties.getStopAtPercent()).as("zoho.limits.stop-at-percent")
        .isEqualTo(defaults.stopAtPercent());
    softly.assertThat(properties.getMaxWait()).as("zoho.limits.max-wait").isEqualTo(defaults.maxWait());
    softly.assertThat(properties.getCoolDownInitial()).as("zoho.limits.cool-down-initial")
        .isEqualTo(defaults.coolDownInitial());
    softly.assertThat(properties.getCoolDownMax()).as("zoho.limits.cool-down-max").isEqualTo(defaults.coolDownMax());
    softly.assertThat(properties.getLeaseTime()).as("zoho.limits.lease-time").isEqualTo(defaults.leaseTime());
    softly.assertThat(properties.getOrganization()).as("zoho.limits.organization")
        .isEqualTo(defaults.organization());
    softly.assertAll();
  }

  @Test
  void theLimitsOfTheDefaultPropertiesAreTheDefaultLimits() {
    ApiLimits limits = ZohoLimitsConfiguration.limits(properties, null, new ApiLimits.Listener() {});
    assertThat(limits).hasToString(defaults.toString());
    for (ApiLimits.Edition edition : ApiLimits.Edition.values()) {
      assertThat(limits.concurrencyFor(edition)).as("the concurrency of %s", edition)
          .isEqualTo(defaults.concurrencyFor(edition));
    }
    assertThat(limits.detectEdition()).isEqualTo(defaults.detectEdition());
    assertThat(limits.leaseTime()).isEqualTo(defaults.leaseTime());
    assertThat(limits.coolDownInitial()).isEqualTo(defaults.coolDownInitial());
    assertThat(limits.coolDownMax()).isEqualTo(defaults.coolDownMax());
    assertThat(limits.userLicences()).isEqualTo(defaults.userLicences());
    assertThat(limits.organization()).isEqualTo(defaults.organization());
  }
}
