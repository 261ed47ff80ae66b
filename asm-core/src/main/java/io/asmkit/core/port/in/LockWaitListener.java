package io.asmkit.core.port.in;

import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import java.time.Duration;

/**
 * Told once, when a lock is refused because another user holds it and the {@link LockWait} allows
 * waiting, before the first pause: so that a front end can say why nothing seems to happen.
 *
 * <p>Called on the thread that asks for the lock. It is never called when the wait is fail-fast,
 * nor when the first attempt gets the lock. Whatever it throws ends the wait and reaches the caller
 * of the lock, with nothing locked.
 */
@FunctionalInterface
public interface LockWaitListener {

  /**
   * Another user holds the lock on {@code ref}; the lock will be tried again for up to {@code
   * timeout}.
   *
   * @param held the refusal, naming the holder when the server did
   */
  void waiting(CallRef ref, CallLockedException held, Duration timeout);

  /** A listener that does nothing. */
  static LockWaitListener none() {
    return (ref, held, timeout) -> {};
  }
}
