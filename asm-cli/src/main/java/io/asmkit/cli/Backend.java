package io.asmkit.cli;

import io.asmkit.core.domain.PlannedOperation;
import io.asmkit.core.port.out.CallPort;

/**
 * What the CLI needs beyond asm-core: an HTTP client for an ASM system, the requests a dry run
 * would send, and the sandbox. The real one is {@link HttpBackend}; tests pass one over asm-core's
 * in-memory model.
 */
interface Backend {

  /**
   * Checks an ASM base address without sending anything.
   *
   * @throws io.asmkit.core.domain.InvalidInputException naming the address and the fix
   */
  void checkUrl(String url);

  /**
   * Makes a client for one ASM system and user. Signs in lazily, at the first request.
   *
   * @param log told about every HTTP exchange
   * @throws io.asmkit.core.domain.InvalidInputException when the settings are not valid
   */
  CallPort connect(ConnectionSettings settings, ExchangeLog log);

  /** The request an operation would send to the system at {@code url}; sends nothing. */
  RequestPlan plan(String url, PlannedOperation operation);

  /** Starts a sandbox. */
  RunningSandbox startSandbox(SandboxSettings settings);
}
