package io.asmkit.core.port.in;

import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.LockSession;
import io.asmkit.core.domain.OperationInterruptedException;

/** Use case: lock one call, waiting for another user's lock if asked to. */
public interface LockCallUseCase {

  /**
   * Locks the call. Closing the returned session unlocks it (with retries).
   *
   * @throws CallLockedException when another user holds the lock and {@code wait} is fail-fast, or
   *     still holds it when the wait times out; the message names the holder when known
   * @throws OperationInterruptedException when the thread is interrupted while waiting
   * @throws io.asmkit.core.domain.AsmException for the failures listed on {@link
   *     io.asmkit.core.port.out.CallPort}
   */
  LockSession lock(CallRef ref, LockWait wait);
}
