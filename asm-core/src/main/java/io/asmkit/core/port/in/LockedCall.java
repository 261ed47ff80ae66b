package io.asmkit.core.port.in;

import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.LockSession;

/**
 * A call we hold locked, as handed to the work of {@link RunLockedUseCase}. Exceptions are those of
 * {@link io.asmkit.core.port.out.CallPort}.
 */
public interface LockedCall {

  /** The locked call's reference. */
  CallRef callRef();

  /** The lock's handle, to see whether it is still held. */
  LockSession session();

  /** Reads the call. */
  Call get();

  /** Changes fields of the call. */
  void update(CallUpdate update);

  /** Forwards, defers or closes the call; the lock is then released and no unlock is sent. */
  void perform(CallAction action);
}
