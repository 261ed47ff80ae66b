package io.asmkit.core.port.in;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;

/**
 * Use case: change fields of one call (New, or Open and locked by us). Exceptions are those of
 * {@link io.asmkit.core.port.out.CallPort#update}.
 */
public interface UpdateCallUseCase {

  /** Sends the update. */
  void update(CallRef ref, CallUpdate update);
}
