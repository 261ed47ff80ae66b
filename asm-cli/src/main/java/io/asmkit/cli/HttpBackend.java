package io.asmkit.cli;

import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.PlannedOperation;
import io.asmkit.core.inmemory.InMemoryAsm;
import io.asmkit.core.port.out.CallPort;
import io.asmkit.sandbox.AsmSandbox;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The real backend, half of it until asm-feign-adapter is merged: the sandbox is asm-sandbox's
 * {@link AsmSandbox}; the HTTP client part is in src/main/java-pending and replaces this file then.
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
    AsmSandbox.Builder builder = AsmSandbox.builder().port(settings.port());
    if (settings.data() != null) {
      builder.data(settings.data());
    }
    if (settings.accessTokenLifetime() != null) {
      builder.accessTokenLifetime(settings.accessTokenLifetime());
    }

    AsmSandbox sandbox;
    try {
      sandbox = builder.start();
    } catch (UncheckedIOException cannotListen) {
      throw new InvalidInputException(cannotListen.getMessage() + " (option --port)");
    }
    return new StartedSandbox(sandbox);
  }

  /** An {@link AsmSandbox} seen as a {@link RunningSandbox}. */
  private record StartedSandbox(AsmSandbox sandbox) implements RunningSandbox {

    @Override
    public URI baseUrl() {
      return sandbox.baseUrl();
    }

    @Override
    public InMemoryAsm model() {
      return sandbox.model();
    }

    @Override
    public void close() {
      sandbox.close();
    }
  }

  private static UnsupportedOperationException notYet() {
    return new UnsupportedOperationException("the HTTP client is not built into this jar yet");
  }
}
