package io.asmkit.feign;

import io.asmkit.core.domain.OperationInterruptedException;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.service.TimeSource;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where requests are repeated: after a {@link TransientFailure}, as the {@link
 * RetryPolicy} allows, with exponential backoff and jitter, honouring {@code Retry-After}.
 */
final class Retrier {

  /** Whether repeating a request that may have reached the server is harmless. */
  enum Repeat {
    /** Get, update, unlock, lock: repeating does no harm (locking a call we hold succeeds). */
    HARMLESS,
    /** Create, submit, forward, defer, close, login: repeat only what never left this machine. */
    ONLY_IF_NOT_SENT
  }

  /** One attempt; {@code attempt} counts from 1. */
  @FunctionalInterface
  interface Attempt<T> {
    T run(int attempt);
  }

  /** The statuses after which a request is worth repeating. */
  static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 502, 503, 504);

  /** Longer waits are read as this (a day), which is past any sensible time budget. */
  private static final long LONGEST_RETRY_AFTER = 86_400;

  private static final Logger LOGGER = LoggerFactory.getLogger(Retrier.class);

  private final RetryPolicy policy;
  private final TimeSource time;
  private final DoubleSupplier random;

  Retrier(RetryPolicy policy, TimeSource time, DoubleSupplier random) {
    this.policy = policy;
    this.time = time;
    this.random = random;
  }

  /**
   * Runs {@code attempt} until it succeeds, fails for good, or the policy says stop.
   *
   * @throws ServerUnavailableException the last transient failure, when no attempt succeeded
   */
  <T> T run(Repeat repeat, String what, Attempt<T> attempt) {
    long start = time.nanoTime();
    for (int n = 1; ; n++) {
      int failed = n;
      try {
        return attempt.run(n);
      } catch (TransientFailure failure) {
        if (repeat == Repeat.ONLY_IF_NOT_SENT && failure.maybeSent()) {
          throw failure.failure();
        }
        if (n >= policy.maxAttempts()) {
          throw gaveUp(failure, n, "");
        }

        Duration pause = failure.retryAfter().orElseGet(() -> policy.pauseAfter(failed, random));
        Duration elapsed = Duration.ofNanos(time.nanoTime() - start);
        if (elapsed.plus(pause).compareTo(policy.maxTotal()) > 0) {
          String why =
              failure.retryAfter().isPresent()
                  ? " ASM asked to wait "
                      + ErrorMapper.describe(pause)
                      + ", past the retry time budget of "
                      + ErrorMapper.describe(policy.maxTotal())
                      + "."
                  : "";
          throw gaveUp(failure, n, why);
        }

        LOGGER.debug(
            "Attempt {} of {} to {} failed (status {}); next in {} ms",
            n,
            policy.maxAttempts(),
            what,
            failure.failure().httpStatus().orElse(0),
            pause.toMillis());
        sleep(pause, failure.failure());
      }
    }
  }

  /**
   * Reads {@code Retry-After}: seconds, or an HTTP date; {@code null} when absent or unreadable.
   */
  static Duration retryAfter(Optional<String> header) {
    if (header.isEmpty()) {
      return null;
    }
    String value = header.get().strip();
    try {
      return Duration.ofSeconds(Math.min(Math.max(0, Long.parseLong(value)), LONGEST_RETRY_AFTER));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static ServerUnavailableException gaveUp(
      TransientFailure failure, int attempts, String why) {
    ServerUnavailableException last = failure.failure();
    if (attempts == 1 && why.isEmpty()) {
      return last;
    }
    return new ServerUnavailableException(
        last.getMessage()
            + " Gave up after "
            + attempts
            + (attempts == 1 ? " attempt." : " attempts.")
            + why,
        last.callRef().orElse(null),
        last.httpStatus().orElse(0),
        last.serverMessage().orElse(null),
        last.getCause() == null ? last : last.getCause());
  }

  private void sleep(Duration pause, ServerUnavailableException failure) {
    try {
      time.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      OperationInterruptedException interrupted =
          new OperationInterruptedException(
              "Interrupted while waiting to repeat a request to ASM; it was not repeated.",
              failure.callRef().orElse(null),
              e);
      interrupted.addSuppressed(failure);
      throw interrupted;
    }
  }
}
