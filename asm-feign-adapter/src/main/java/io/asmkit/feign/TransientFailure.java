package io.asmkit.feign;

import io.asmkit.core.domain.ServerUnavailableException;
import java.time.Duration;
import java.util.Optional;

/**
 * An attempt that failed for a reason that may pass, as the {@link Retrier} sees it: the failure to
 * report if no attempt succeeds, whether the request may have reached the server, and the pause the
 * server asked for.
 */
final class TransientFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ServerUnavailableException failure;
  private final boolean maybeSent;
  private final transient Duration retryAfter;

  TransientFailure(ServerUnavailableException failure, boolean maybeSent, Duration retryAfter) {
    super(failure.getMessage(), failure, false, false);
    this.failure = failure;
    this.maybeSent = maybeSent;
    this.retryAfter = retryAfter;
  }

  /** The failure to report. */
  ServerUnavailableException failure() {
    return failure;
  }

  /** Whether the server may have received the request (false only when no connection opened). */
  boolean maybeSent() {
    return maybeSent;
  }

  /** The pause the server asked for with {@code Retry-After}, if it did. */
  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
