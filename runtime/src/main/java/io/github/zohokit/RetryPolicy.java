package io.github.zohokit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When zohokit sends an API request again by itself: opt-in, for requests that are safe to repeat, after a transient
 * failure. Set it with {@code ZohoOAuth.Builder.retryPolicy(...)}; it applies to every generated call and to the
 * requests of {@link Zoho#httpClient()} made with that {@code ZohoOAuth}, never to Zoho Accounts (token requests have
 * their own back-off).
 *
 * <pre>{@code
 * ZohoOAuth oauth = ZohoOAuth.selfClient(id, secret)
 *     .retryPolicy(RetryPolicy.idempotent().maxAttempts(4).maxElapsed(Duration.ofSeconds(20)))
 *     .build();
 * }</pre>
 *
 * <p>What is retried: an answer HTTP 500, 502, 503 or 504, an HTTP 429 (Zoho's credit or concurrency limit, which
 * it answers without {@code Retry-After}), a timeout or a failed connection; each after a capped exponential
 * back-off with jitter (attempt <i>n</i> waits a random time between half and all of
 * {@code min(maxBackoff, initialBackoff × 2^(n-1))}, or the server's {@code Retry-After} when that is longer).
 * What is not: any other answer, a request whose token could not be obtained, a cancelled call, and every request
 * whose method is not in the policy. When the attempts or the time are used up the last answer or failure is
 * reported as without a policy ({@link ZohoUnavailableException}, {@link RateLimitException}).
 *
 * <p>Methods: {@link #idempotent()} retries GET and HEAD only. POST and PATCH are never retried (a POST to Zoho
 * inserts, upserts, converts or sends mail: a replay could do it twice). PUT and DELETE are idempotent in HTTP,
 * but not quite at Zoho, so they take {@link #withPutAndDelete()}: a PUT whose subform rows carry no {@code id}
 * appends those rows again, and every update runs the module's workflow rules again (unless the body's
 * {@code trigger} list leaves them out); a DELETE replayed after Zoho applied it finds the record gone, so a delete
 * that succeeded can come back as an error for that record. Add them when your calls can take that.
 *
 * <p>Bounds: at most {@link #maxAttempts()} sends in all (the first included), and no new attempt once
 * {@link #maxElapsed()} has passed since the first or would pass during the wait. A send in flight is bounded by
 * the HTTP client's timeouts; OkHttp's {@code callTimeout}, if set, bounds the whole call, waits included. zohokit's
 * own single resends come on top, unchanged: one after a rejected access token (401 {@code INVALID_TOKEN}) and, for
 * a GET or HEAD, one at once after a dropped connection. Waiting blocks the calling thread (for an asynchronous
 * call, one of OkHttp's dispatcher threads).
 *
 * <p>Immutable: each {@code with}-method returns a new policy.
 */
public final class RetryPolicy {
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD");
  private static final RetryPolicy NONE = new RetryPolicy(Set.of(), 1, Duration.ZERO, Duration.ZERO,
      Duration.ZERO);

  private final Set<String> methods;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxElapsed;

  private RetryPolicy(Set<String> methods, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
      Duration maxElapsed) {
    this.methods = methods;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxElapsed = maxElapsed;
  }

  /**
   * No retries: every request is sent once (plus zohokit's single resends described above). The default.
   *
   * @return the policy that retries nothing
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Retries GET and HEAD: at most 3 attempts, back-off from 500 ms doubling up to 8 s, no attempt after 30 s.
   *
   * @return the policy, to adjust with the {@code with}-methods
   */
  public static RetryPolicy idempotent() {
    return new RetryPolicy(IDEMPOTENT_METHODS, 3, Duration.ofMillis(500), Duration.ofSeconds(8),
        Duration.ofSeconds(30));
  }

  /**
   * This policy, also for PUT and DELETE; read the class comment on what a replay does at Zoho first.
   *
   * @return a new policy
   * @throws IllegalStateException on {@link #none()}
   */
  public RetryPolicy withPutAndDelete() {
    requireRetrying();
    Set<String> more = new TreeSet<>(methods);
    more.add("PUT");
    more.add("DELETE");
    return new RetryPolicy(Set.copyOf(more), maxAttempts, initialBackoff, maxBackoff, maxElapsed);
  }

  /**
   * This policy with at most {@code attempts} sends of a request, the first included.
   *
   * @param attempts 1 (no retry) or more
   * @return a new policy
   * @throws IllegalArgumentException when {@code attempts} is below 1
   * @throws IllegalStateException on {@link #none()}
   */
  public RetryPolicy maxAttempts(int attempts) {
    requireRetrying();
    if (attempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be 1 or more, the first attempt included: " + attempts);
    }
    return new RetryPolicy(methods, attempts, initialBackoff, maxBackoff, maxElapsed);
  }

  /**
   * This policy with the back-off {@code initial} before the first retry, doubling before each further one, never
   * more than {@code max} (then a random part of it, for jitter, as the class comment says).
   *
   * @param initial the wait before the first retry, positive
   * @param max the longest wait, at least {@code initial}; a server's {@code Retry-After} above it is not waited for
   *     (the answer is reported instead)
   * @return a new policy
   * @throws IllegalArgumentException when {@code initial} is not positive or {@code max} is below it
   * @throws IllegalStateException on {@link #none()}
   */
  public RetryPolicy backoff(Duration initial, Duration max) {
    requireRetrying();
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("back-off needs 0 < initial <= max: " + initial + ", " + max);
    }
    return new RetryPolicy(methods, maxAttempts, initial, max, maxElapsed);
  }

  /**
   * This policy with no new attempt once {@code total} has passed since the first one started, or would pass
   * during the wait before it.
   *
   * @param total the time budget of a request's attempts and waits, positive
   * @return a new policy
   * @throws IllegalArgumentException when {@code total} is not positive
   * @throws IllegalStateException on {@link #none()}
   */
  public RetryPolicy maxElapsed(Duration total) {
    requireRetrying();
    Objects.requireNonNull(total, "total");
    if (total.isNegative() || total.isZero()) {
      throw new IllegalArgumentException("maxElapsed must be positive: " + total);
    }
    return new RetryPolicy(methods, maxAttempts, initialBackoff, maxBackoff, total);
  }

  /**
   * Whether requests with {@code method} are retried.
   *
   * @param method an HTTP method, such as {@code GET}
   * @return true for the policy's methods when it allows more than one attempt
   */
  public boolean retries(String method) {
    return maxAttempts > 1 && methods.contains(method.toUpperCase(Locale.ROOT));
  }

  /**
   * The most sends of one request, the first included.
   *
   * @return 1 or more
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The wait before the first retry.
   *
   * @return the initial back-off; zero for {@link #none()}
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The longest wait between two attempts.
   *
   * @return the cap of the back-off; zero for {@link #none()}
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The time after which no new attempt starts.
   *
   * @return the budget; zero for {@link #none()}
   */
  public Duration maxElapsed() {
    return maxElapsed;
  }

  private void requireRetrying() {
    if (this == NONE) {
      throw new IllegalStateException("RetryPolicy.none() retries nothing; start from RetryPolicy.idempotent()");
    }
  }

  @Override
  public String toString() {
    return this == NONE ? "RetryPolicy.none()" : "RetryPolicy{methods=" + new TreeSet<>(methods) + ", maxAttempts="
        + maxAttempts + ", backoff=" + initialBackoff + ".." + maxBackoff + ", maxElapsed=" + maxElapsed + "}";
  }
}
