package io.asmkit.cli;

import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.PlannedOperation;
import io.asmkit.core.inmemory.InMemoryAsm;
import io.asmkit.core.port.out.CallPort;
import io.asmkit.feign.AsmBaseUrl;
import io.asmkit.feign.AsmClient;
import io.asmkit.feign.AsmRequests;
import io.asmkit.feign.PlannedRequest;
import io.asmkit.sandbox.AsmSandbox;
import java.io.UncheckedIOException;
import java.net.URI;

/** The real backend: asm-feign-adapter's {@link AsmClient} and asm-sandbox's {@link AsmSandbox}. */
final class HttpBackend implements Backend {

  @Override
  public void checkUrl(String url) {
    AsmBaseUrl.parse(url);
  }

  @Override
  public CallPort connect(ConnectionSettings settings, ExchangeLog log) {
    AsmClient.Builder client = AsmClient.builder(settings.url()).exchangeListener(log::exchange);

    Credentials credentials = settings.credentials();
    if (credentials instanceof Credentials.BearerToken bearer) {
      client.bearerToken(bearer.token());
    } else if (credentials instanceof Credentials.PasswordLogin login) {
      client.passwordLogin(login.clientId(), login.username(), login.password());
      login.scope().ifPresent(client::scope);
      login.clientSecret().ifPresent(client::clientSecret);
    } else {
      throw new InvalidInputException("No credentials for ASM: set ASM_TOKEN or ASM_USERNAME.");
    }
    return client.build();
  }

  @Override
  public RequestPlan plan(String url, PlannedOperation operation) {
    PlannedRequest request = AsmRequests.plan(AsmBaseUrl.parse(url), operation);
    return new RequestPlan(request.method(), request.uri().toString(), request.jsonBody());
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
}
