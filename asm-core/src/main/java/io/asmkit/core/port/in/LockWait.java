package io.asmkit.core.port.in;

import io.asmkit.core.domain.InvalidInputException;
import java.io.Serializable;
import java.time.Duration;

/**
 * What to do when another user holds the lock: fail at once, or wait with exponential backoff up to
 * a timeout and then fail naming the holder.
 */
public final class LockWait implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The first pause between attempts when waiting. */
  public static final Duration DEFAULT_FIRST_PAUSE = Duration.ofSeconds(1);

  /** The longest pause between attempts when waiting. */
  public static final Duration DEFAULT_LONGEST_PAUSE = Duration.ofSeconds(30);

  private final Duration timeout;
  private final Duration firstPause;
  private final Duration longestPause;

  private LockWait(Duration timeout, Duration firstPause, Duration longestPause) {
    this.timeout = timeout;
    this.firstPause = firstPause;
    this.longestPause = longestPause;
  }

  /** Fail at once when another user holds the lock. */
  public static LockWait failFast() {
    return new LockWait(Duration.ZERO, DEFAULT_FIRST_PAUSE, DEFAULT_LONGEST_PAUSE);
  }

  /**
   * Wait up to {@code timeout} for the lock, pausing 1 s, 2 s, 4 s … (at most 30 s) between
   * attempts.
   *
   * @throws InvalidInputException when the timeout is negative
   */
  public static LockWait upTo(Duration timeout) {
    return upTo(timeout, DEFAULT_FIRST_PAUSE, DEFAULT_LONGEST_PAUSE);
  }

  /**
   * Wait up to {@code timeout}, with pauses doubling from {@code firstPause} to at most {@code
   * longestPause}.
   *
   * @throws InvalidInputException when a duration is negative, or a pause is zero
   */
  public static LockWait upTo(Duration timeout, Duration firstPause, Duration longestPause) {
    if (timeout.isNegative()) {
      throw new InvalidInputException(
          "The lock wait timeout " + timeout + " is negative: give zero to fail at once.");
    }
    if (firstPause.isNegative() || firstPause.isZero() || longestPause.compareTo(firstPause) < 0) {
      throw new InvalidInputException(
          "The lock wait pauses are not valid: the first pause must be positive and not longer"
              + " than the longest.");
    }
    return new LockWait(timeout, firstPause, longestPause);
  }

  /** How long to wait at most; zero means fail at once. */
  public Duration timeout() {
    return timeout;
  }

  /** Whether to fail at once when another user holds the lock. */
  public boolean isFailFast() {
    return timeout.isZero();
  }

  /**
   * The pause after the {@code attempt}-th refused attempt (1-based), before capping to the time
   * left.
   */
  public Duration pauseAfter(int attempt) {
    Duration pause = firstPause;
    for (int i = 1; i < attempt && pause.compareTo(longestPause) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(longestPause) > 0 ? longestPause : pause;
  }

  @Override
  public String toString() {
    return isFailFast() ? "LockWait[fail fast]" : "LockWait[up to " + timeout + "]";
  }
}
