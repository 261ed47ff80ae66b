package io.asmkit.feign;

import io.asmkit.core.domain.InvalidInputException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How {@link AsmClient} repeats requests that failed for a passing reason (connection failures,
 * timeouts, 502, 503, 504, 429): how many attempts at most, how much time in all, and the pauses
 * between attempts, which double from the first pause up to the longest, with random jitter.
 *
 * <p>Only requests whose repetition is harmless are repeated after they may have reached the server
 * (get, lock, update, unlock); others (create, submit, forward, defer, close, login) are repeated
 * only when the connection could not even be opened. A {@code Retry-After} from the server replaces
 * the pause, and the attempts stop when it would pass the time budget.
 */
public final class RetryPolicy {

  private static final Duration DEFAULT_FIRST_PAUSE = Duration.ofMillis(500);
  private static final Duration DEFAULT_LONGEST_PAUSE = Duration.ofSeconds(8);

  private final int maxAttempts;
  private final Duration maxTotal;
  private final Duration firstPause;
  private final Duration longestPause;

  private RetryPolicy(int maxAttempts, Duration maxTotal, Duration firstPause, Duration longest) {
    this.maxAttempts = maxAttempts;
    this.maxTotal = maxTotal;
    this.firstPause = firstPause;
    this.longestPause = longest;
  }

  /** Four attempts within 60 seconds, pausing about 0.5 s, 1 s, 2 s between them. */
  public static RetryPolicy defaults() {
    return of(4, Duration.ofSeconds(60));
  }

  /** One attempt: never repeat a request. */
  public static RetryPolicy none() {
    return of(1, Duration.ZERO);
  }

  /**
   * At most {@code maxAttempts} attempts, none started after {@code maxTotal} from the first.
   *
   * @throws InvalidInputException when {@code maxAttempts} is below 1 or {@code maxTotal} is
   *     negative
   */
  public static RetryPolicy of(int maxAttempts, Duration maxTotal) {
    Objects.requireNonNull(maxTotal, "maxTotal");
    if (maxAttempts < 1) {
      throw new InvalidInputException(
          "The retry policy's attempts must be at least 1 (1 means no retry), not "
              + maxAttempts
              + ".");
    }
    if (maxTotal.isNegative()) {
      throw new InvalidInputException(
          "The retry policy's total time " + maxTotal + " is negative: give zero or more.");
    }
    return new RetryPolicy(maxAttempts, maxTotal, DEFAULT_FIRST_PAUSE, DEFAULT_LONGEST_PAUSE);
  }

  /**
   * The same policy with other pauses: the first after one failure, doubling up to the longest.
   *
   * @throws InvalidInputException when a pause is negative or the first is longer than the longest
   */
  public RetryPolicy withPauses(Duration firstPause, Duration longestPause) {
    if (firstPause.isNegative() || longestPause.compareTo(firstPause) < 0) {
      throw new InvalidInputException(
          "The retry pauses are not valid: the first pause must not be negative, nor longer than"
              + " the longest.");
    }
    return new RetryPolicy(maxAttempts, maxTotal, firstPause, longestPause);
  }

  /** The most attempts of one request, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The time after the first attempt's start beyond which no attempt starts. */
  public Duration maxTotal() {
    return maxTotal;
  }

  /** The pause after the first failed attempt, before jitter. */
  public Duration firstPause() {
    return firstPause;
  }

  /** The longest pause between attempts, before jitter. */
  public Duration longestPause() {
    return longestPause;
  }

  /**
   * The pause after the {@code failedAttempts}-th failure: the doubled pause, capped, then a random
   * share of its second half added to its first half ("equal jitter"), so that clients that failed
   * together do not come back together.
   */
  Duration pauseAfter(int failedAttempts, DoubleSupplier random) {
    Duration pause = firstPause;
    for (int i = 1; i < failedAttempts && pause.compareTo(longestPause) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    if (pause.compareTo(longestPause) > 0) {
      pause = longestPause;
    }
    long half = pause.toMillis() / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (pause.toMillis() - half)));
  }

  @Override
  public String toString() {
    return "RetryPolicy[" + maxAttempts + " attempts within " + maxTotal + "]";
  }
}
