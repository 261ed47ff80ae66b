package io.asmkit.core.port.in;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.UnlockFailedException;

/** Use case: unlock one call, retrying on transient failures. */
public interface UnlockCallUseCase {

  /**
   * Unlocks the call. Unlocking a call nobody holds succeeds.
   *
   * @throws UnlockFailedException when the unlock still fails after the retries; its cause is the
   *     last failure
   */
  void unlock(CallRef ref);
}
