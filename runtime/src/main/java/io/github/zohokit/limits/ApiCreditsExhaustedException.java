package io.github.zohokit.limits;

import io.github.zohokit.RateLimitException;
import java.time.Duration;
import java.time.Instant;

/**
 * The governor refused a call before sending it: spending its credits would pass the share of the organisation's
 * daily API credits that {@link ApiLimits.Builder#stopAtPercent(int)} allows zohokit. Nothing was sent to Zoho. The
 * message says how many credits are left, how many the stop rule keeps back, and when credits free up (Zoho counts
 * credits over a rolling 24 hours: those spent an hour ago free up 23 hours from now).
 *
 * <p>It is a {@link RateLimitException}, so code that already handles Zoho's 429 handles this too;
 * {@link #retryAfter()} is the wait until the oldest credits counted free up.
 */
public final class ApiCreditsExhaustedException extends RateLimitException {
  private static final long serialVersionUID = 1L;

  /** The credits left when the call was refused. */
  private final long remaining;
  /** The organisation's daily credits. */
  private final long dailyCredits;
  /** The refused call's price. */
  private final long cost;
  /** When the oldest credits counted free up, or null. */
  private final Instant freesUpAt;

  /**
   * A refused call.
   *
   * @param operation what was refused, for example {@code GET /crm/v8/Leads}
   * @param cost the credits the call would have spent
   * @param remaining the credits left of the organisation's daily credits, as far as zohokit knows
   * @param dailyCredits the organisation's daily credits
   * @param stopAtPercent the configured stop rule
   * @param freesUpAt when the oldest credits counted free up, or null when unknown
   * @param now the current time, for the wait
   */
  public ApiCreditsExhaustedException(String operation, long cost, long remaining, long dailyCredits,
      int stopAtPercent, Instant freesUpAt, Instant now) {
    super(operation + " was not sent: it costs " + cost + " API credit" + (cost == 1 ? "" : "s") + ", and "
        + Math.max(0, remaining) + " of the organisation's " + dailyCredits + " daily credits are left, of which "
        + "zohokit keeps back " + (dailyCredits - dailyCredits * stopAtPercent / 100) + " (stop at " + stopAtPercent
        + " %, ApiLimits.stopAtPercent). "
        + (freesUpAt == null ? "Zoho counts credits over a rolling 24 hours; try again later"
            : "Credits free up from " + freesUpAt + " (Zoho counts them over a rolling 24 hours)")
        + ", or raise the stop rule if the other integrations of the organisation can spare them",
        freesUpAt == null ? null : Duration.between(now, freesUpAt).isNegative() ? Duration.ZERO
            : Duration.between(now, freesUpAt));
    this.remaining = Math.max(0, remaining);
    this.dailyCredits = dailyCredits;
    this.cost = cost;
    this.freesUpAt = freesUpAt;
  }

  /**
   * The credits left of the organisation's daily credits when the call was refused.
   *
   * @return the credits left, never negative
   */
  public long remaining() {
    return remaining;
  }

  /**
   * The organisation's daily API credits the stop rule is a share of.
   *
   * @return the daily credits
   */
  public long dailyCredits() {
    return dailyCredits;
  }

  /**
   * The credits the refused call would have spent.
   *
   * @return the call's cost by Zoho's table
   */
  public long cost() {
    return cost;
  }

  /**
   * When the oldest credits counted free up, when known.
   *
   * @return the instant, or null when unknown
   */
  public Instant freesUpAt() {
    return freesUpAt;
  }
}
