package io.asmkit.cli;

import io.asmkit.core.domain.PlannedOperation;
import io.asmkit.core.port.out.CallPort;

/**
 * Placeholder until asm-feign-adapter and asm-sandbox are merged: the real backend is in
 * src/main/java-pending and replaces this file then.
 */
final class HttpBackend implements Backend {

  @Override
  public void checkUrl(String url) {
    throw notYet();
  }

  @Override
  public CallPort connect(ConnectionSettings settings, ExchangeLog log) {
    throw notYet();
  }

  @Override
  public RequestPlan plan(String url, PlannedOperation operation) {
    throw notYet();
  }

  @Override
  public RunningSandbox startSandbox(SandboxSettings settings) {
    throw notYet();
  }

  private static UnsupportedOperationException notYet() {
    return new UnsupportedOperationException("the HTTP client is not built into this jar yet");
  }
}
