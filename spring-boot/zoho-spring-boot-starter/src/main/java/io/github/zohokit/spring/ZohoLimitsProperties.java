package io.github.zohokit.spring;

import io.github.zohokit.limits.ApiLimits;
import java.time.Duration;

/**
 * The {@code zoho.limits.*} properties: zohokit's governor of Zoho's API limits ({@link ApiLimits}), off unless
 * {@code zoho.limits.enabled=true}. With a JDBC token store the permits and the credit ledger are shared by every
 * instance of the application through its database ({@code zoho.limits.shared}). The defaults are {@link ApiLimits}'
 * own, repeated as literals so that the configuration metadata shows them ({@code ZohoLimitsPropertiesTest} keeps
 * the two in step).
 */
public class ZohoLimitsProperties {
  /** Whether calls keep to Zoho's API limits (concurrency by edition, heavy-call pool, credits, 429 cool-down). */
  private boolean enabled;

  /**
   * The organisation's Zoho CRM edition (free, standard, professional, enterprise, ultimate), used when it cannot be
   * read from the org API (scope ZohoCRM.org.READ). Default: free, Zoho's lowest.
   */
  private ApiLimits.Edition edition;

  /** Whether the edition and user licences are read from the org API's license_details on the first call. */
  private boolean detectEdition = true;

  /** The organisation's cap on concurrent calls, instead of the edition's (5/10/15/20/25). */
  private Integer concurrency;

  /** Concurrent calls left to the organisation's other integrations. */
  private int headroom;

  /** Concurrent heavy calls (COQL, search, bulk jobs, convert, mail, writes of more than 10 records). */
  private int heavyConcurrency = 10;

  /** The organisation's API credits per rolling 24 hours, instead of the edition's formula (set it for add-ons). */
  private Long dailyCredits;

  /** The organisation's user licences, for the edition's credit formula when the org API cannot be read. */
  private int userLicences;

  /** The share of the daily credits zohokit may spend (1-100); past it calls fail with ApiCreditsExhaustedException. */
  private int stopAtPercent = 100;

  /** The longest a call waits for a permit or for the cool-down after a 429 before it fails unsent. */
  private Duration maxWait = Duration.ofSeconds(30);

  /** The first cool-down after Zoho answers 429; each further 429 in a row doubles it up to zoho.limits.cool-down-max. */
  private Duration coolDownInitial = Duration.ofSeconds(1);

  /** The longest cool-down after repeated 429s. */
  private Duration coolDownMax = Duration.ofSeconds(60);

  /** How long a shared permit lasts at most: an instance that dies holding one frees it after this. */
  private Duration leaseTime = Duration.ofMinutes(2);

  /**
   * Whether every instance shares the permits and the ledger through the JDBC token store's database. Default: true
   * when the token store is JDBC, else this instance only.
   */
  private Boolean shared;

  /** The name the organisation's permits and ledger are kept under in the shared database. */
  private String organization = "default";

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }

  public ApiLimits.Edition getEdition() { return edition; }
  public void setEdition(ApiLimits.Edition edition) { this.edition = edition; }

  public boolean isDetectEdition() { return detectEdition; }
  public void setDetectEdition(boolean detectEdition) { this.detectEdition = detectEdition; }

  public Integer getConcurrency() { return concurrency; }
  public void setConcurrency(Integer concurrency) { this.concurrency = concurrency; }

  public int getHeadroom() { return headroom; }
  public void setHeadroom(int headroom) { this.headroom = headroom; }

  public int getHeavyConcurrency() { return heavyConcurrency; }
  public void setHeavyConcurrency(int heavyConcurrency) { this.heavyConcurrency = heavyConcurrency; }

  public Long getDailyCredits() { return dailyCredits; }
  public void setDailyCredits(Long dailyCredits) { this.dailyCredits = dailyCredits; }

  public int getUserLicences() { return userLicences; }
  public void setUserLicences(int userLicences) { this.userLicences = userLicences; }

  public int getStopAtPercent() { return stopAtPercent; }
  public void setStopAtPercent(int stopAtPercent) { this.stopAtPercent = stopAtPercent; }

  public Duration getMaxWait() { return maxWait; }
  public void setMaxWait(Duration maxWait) { this.maxWait = maxWait; }

  public Duration getCoolDownInitial() { return coolDownInitial; }
  public void setCoolDownInitial(Duration coolDownInitial) { this.coolDownInitial = coolDownInitial; }

  public Duration getCoolDownMax() { return coolDownMax; }
  public void setCoolDownMax(Duration coolDownMax) { this.coolDownMax = coolDownMax; }

  public Duration getLeaseTime() { return leaseTime; }
  public void setLeaseTime(Duration leaseTime) { this.leaseTime = leaseTime; }

  public Boolean getShared() { return shared; }
  public void setShared(Boolean shared) { this.shared = shared; }

  public String getOrganization() { return organization; }
  public void setOrganization(String organization) { this.organization = organization; }
}
