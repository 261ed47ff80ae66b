package io.asmkit.cli;

import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.PlannedOperation;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.inmemory.InMemoryAsm;
import io.asmkit.core.port.out.CallPort;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A backend over asm-core's in-memory model, for testing the CLI before and besides the HTTP
 * client: credentials are checked as a server would, every operation is recorded and reported as an
 * exchange.
 */
final class InMemoryBackend implements Backend {

  static final String TOKEN = "tok-9f8e7d6c5b4a";
  static final String TOKEN_USER = "pipeline";

  final InMemoryAsm model = sampleModel();
  final List<String> operations = new CopyOnWriteArrayList<>();
  final List<ConnectionSettings> connections = new CopyOnWriteArrayList<>();
  volatile boolean unavailable;
  volatile RunningSandbox startedSandbox;

  /**
   * The sandbox's sample calls: 1000 and 1001 Open, 1002 locked by jsmith, 1003 New, 1004 Closed.
   */
  static InMemoryAsm sampleModel() {
    InMemoryAsm model = new InMemoryAsm();
    model.addCall(CallStage.OPEN, fields("Printer jammed", 1));
    model.addCall(CallStage.OPEN, fields("Deploy release 42", 2));
    CallRef held = model.addCall(CallStage.OPEN, fields("Held by jsmith", 3));
    model.forceLock(held, "jsmith");
    model.addCall(CallStage.NEW, fields("Not submitted", 1));
    model.addCall(CallStage.CLOSED, fields("Done", 6));
    return model;
  }

  private static Map<String, Object> fields(String description, int status) {
    return Map.of("Description", description, "DescriptionHtml", description, "CallStatus", status);
  }

  @Override
  public void checkUrl(String url) {
    URI uri = URI.create(url);
    if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
      throw new InvalidInputException("ASM address '" + url + "' is not an http(s) address.");
    }
  }

  @Override
  public CallPort connect(ConnectionSettings settings, ExchangeLog log) {
    connections.add(settings);
    Supplier<String> user =
        () -> {
          if (unavailable) {
            throw new ServerUnavailableException(
                "ASM at " + settings.url() + " is not answering: connection refused.",
                null,
                0,
                null,
                null);
          }
          return userOf(settings.credentials());
        };
    return new RecordingPort(user, log);
  }

  private String userOf(Credentials credentials) {
    if (credentials instanceof Credentials.BearerToken bearer && bearer.token().equals(TOKEN)) {
      return TOKEN_USER;
    }
    if (credentials instanceof Credentials.PasswordLogin login) {
      String password = new String(login.password());
      boolean sample =
          login.username().equals(RunningSandbox.SAMPLE.username())
              && password.equals(RunningSandbox.SAMPLE.password());
      if (sample || password.equals(login.username() + "-pw")) {
        return login.username();
      }
    }
    throw new AuthenticationException(
        "ASM refused the credentials: check them.", null, 401, null, null);
  }

  @Override
  public RequestPlan plan(String url, PlannedOperation operation) {
    String base = url + "/alemba.api/api/v2/call/" + operation.callRef();
    return switch (operation.operation()) {
      case GET -> new RequestPlan("GET", base, null);
      case UPDATE -> new RequestPlan("PUT", base, Console.toJson(operation.fields()));
      default ->
          new RequestPlan(
              "PUT",
              base + "/" + operation.operation().name().toLowerCase(java.util.Locale.ROOT),
              operation.fields().isEmpty() ? null : Console.toJson(operation.fields()));
    };
  }

  @Override
  public RunningSandbox startSandbox(SandboxSettings settings) {
    InMemoryAsm sandboxModel = model;
    RunningSandbox sandbox =
        new RunningSandbox() {
          @Override
          public URI baseUrl() {
            return URI.create("http://127.0.0.1:" + settings.port() + "/sandbox");
          }

          @Override
          public InMemoryAsm model() {
            return sandboxModel;
          }

          @Override
          public void close() {
            operations.add("sandbox closed");
          }
        };
    startedSandbox = sandbox;
    return sandbox;
  }

  /** The port as the signed-in user sees the model, recording each operation. */
  private final class RecordingPort implements CallPort {

    private final Supplier<String> user;
    private final ExchangeLog log;

    RecordingPort(Supplier<String> user, ExchangeLog log) {
      this.user = user;
      this.log = log;
    }

    private <T> T exchange(String method, String path, Supplier<T> operation) {
      operations.add(method + " " + path);
      try {
        T result = operation.get();
        log.exchange(method, "/fake/call/" + path, 200, Duration.ofMillis(1));
        return result;
      } catch (RuntimeException failure) {
        log.exchange(method, "/fake/call/" + path, 409, Duration.ofMillis(1));
        throw failure;
      }
    }

    @Override
    public Call get(CallRef ref) {
      return exchange("GET", ref.toString(), () -> model.portFor(user.get()).get(ref));
    }

    @Override
    public void lock(CallRef ref) {
      exchange("PUT", ref + "/lock", () -> run(() -> model.portFor(user.get()).lock(ref)));
    }

    @Override
    public void update(CallRef ref, CallUpdate update) {
      exchange(
          "PUT", ref.toString(), () -> run(() -> model.portFor(user.get()).update(ref, update)));
    }

    @Override
    public void unlock(CallRef ref) {
      exchange("PUT", ref + "/unlock", () -> run(() -> model.portFor(user.get()).unlock(ref)));
    }

    @Override
    public void perform(CallRef ref, CallAction action) {
      exchange(
          "PUT",
          ref + "/" + action.kind().pathName(),
          () -> run(() -> model.portFor(user.get()).perform(ref, action)));
    }

    @Override
    public CallRef create(CallUpdate fields) {
      return exchange("POST", "", () -> model.portFor(user.get()).create(fields));
    }

    @Override
    public void submit(CallRef ref) {
      exchange("PUT", ref + "/submit", () -> run(() -> model.portFor(user.get()).submit(ref)));
    }

    private Void run(Runnable action) {
      action.run();
      return null;
    }
  }
}
