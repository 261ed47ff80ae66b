package io.asmkit.core.port.in;

import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallRef;

/**
 * Use case: read one call. Exceptions are those of {@link io.asmkit.core.port.out.CallPort#get}.
 */
public interface GetCallUseCase {

  /** Reads the call. */
  Call get(CallRef ref);
}
