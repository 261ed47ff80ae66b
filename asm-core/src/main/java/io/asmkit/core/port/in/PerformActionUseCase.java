package io.asmkit.core.port.in;

import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallRef;

/**
 * Use case: forward, defer or close one call, which releases its lock on the server. Exceptions are
 * those of {@link io.asmkit.core.port.out.CallPort#perform}.
 */
public interface PerformActionUseCase {

  /** Performs the action. */
  void perform(CallRef ref, CallAction action);
}
