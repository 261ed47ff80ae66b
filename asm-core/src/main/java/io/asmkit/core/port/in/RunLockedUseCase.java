package io.asmkit.core.port.in;

import io.asmkit.core.domain.CallRef;

/**
 * Use case: run work while a call is locked, and never leave the call locked.
 *
 * <p>The call is locked (waiting as {@code wait} says), the work runs, and the call is unlocked
 * when the work succeeds, fails or is interrupted, unless the work forwarded, deferred or closed
 * it. The unlock is retried on transient failures.
 */
public interface RunLockedUseCase {

  /**
   * Runs {@code work} with the call locked.
   *
   * @return what the work returned
   * @throws E the work's own failure, as thrown; a failed unlock is attached to it as suppressed
   * @throws io.asmkit.core.domain.UnlockFailedException when the work succeeded but the unlock
   *     failed after its retries
   * @throws io.asmkit.core.domain.CallLockedException when the lock could not be had, as for {@link
   *     LockCallUseCase#lock}; the work did not run
   */
  <T, E extends Exception> T runLocked(CallRef ref, LockWait wait, LockedWork<T, E> work) throws E;
}
