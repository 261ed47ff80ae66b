package io.asmkit.core.service;

import io.asmkit.core.domain.InvalidInputException;
import java.time.Duration;

/**
 * How often to try an unlock that fails transiently, and how long to pause between tries (doubling
 * each time, up to ten seconds).
 *
 * @param attempts how many tries in all, at least 1
 * @param firstPause the pause after the first failed try
 */
public record UnlockRetry(int attempts, Duration firstPause) {

  /** Checks the values. */
  public UnlockRetry {
    if (attempts < 1) {
      throw new InvalidInputException("Unlock attempts must be at least 1, not " + attempts + ".");
    }
    if (firstPause.isNegative()) {
      throw new InvalidInputException("The pause between unlock attempts must not be negative.");
    }
  }

  /** Four tries, pausing 0.5 s, 1 s and 2 s between them. */
  public static UnlockRetry defaults() {
    return new UnlockRetry(4, Duration.ofMillis(500));
  }

  /** The longest pause between two tries, however many tries are allowed. */
  public static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

  /**
   * The pause after the {@code attempt}-th failed try (1-based), at most {@link #LONGEST_PAUSE}.
   */
  Duration pauseAfter(int attempt) {
    Duration pause = firstPause.multipliedBy(1L << Math.min(attempt - 1, 16));
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }
}
