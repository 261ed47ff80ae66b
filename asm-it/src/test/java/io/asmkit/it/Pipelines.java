package io.asmkit.it;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.feign.AsmClient;
import io.asmkit.feign.RetryPolicy;
import io.asmkit.sandbox.AsmSandbox;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every integration test sets up the same way: a pipeline user with a random password, a fresh
 * call of its own, and an {@link AsmClient} tuned for fast tests (short read timeout, short retry
 * pauses).
 */
final class Pipelines {

  /** The sandbox's API client id. */
  static final String CLIENT_ID = "sandbox-client";

  /**
   * The read timeout of test clients: delay faults longer than this are timeouts. Short, to keep
   * the matrix fast, but not so short that a busy two-core machine answers a normal request late.
   */
  static final Duration READ_TIMEOUT = Duration.ofMillis(600);

  /** A delay fault: well over {@link #READ_TIMEOUT}, so the client gives up waiting. */
  static final Duration TIMEOUT_DELAY = Duration.ofMillis(1500);

  /** Three attempts, pausing 10 ms then 20 ms (with jitter), so that retries cost little time. */
  static final RetryPolicy FAST_RETRY =
      RetryPolicy.of(3, Duration.ofSeconds(10))
          .withPauses(Duration.ofMillis(10), Duration.ofMillis(40));

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicInteger USERS = new AtomicInteger();

  private Pipelines() {}

  /**
   * Runs one login, lock, update and unlock with a patient client, so that the first request of a
   * test class does not meet a cold JVM (class loading, JIT) with the short read timeout.
   */
  static void warmUp(AsmSandbox sandbox) {
    Secrets ignored = new Secrets();
    User user = newUser(sandbox, ignored);
    CallRef ref = newOpenCall(sandbox, "warm-up");
    AsmClient client =
        clientBuilder(sandbox, user, ignored).readTimeout(Duration.ofSeconds(30)).build();
    client.lock(ref);
    client.update(ref, io.asmkit.core.domain.CallUpdate.builder().description("warm").build());
    client.unlock(ref);
    sandbox.clearRequests();
  }

  /** A user name and password, added to the sandbox, the password noted as a secret. */
  record User(String name, String password) {}

  /** Adds a new user with a random password, and notes the password in {@code secrets}. */
  static User newUser(AsmSandbox sandbox, Secrets secrets) {
    String name = "pipeline" + USERS.incrementAndGet();
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    String password = "Pw-" + HexFormat.of().formatHex(bytes);
    sandbox.addUser(name, password, CLIENT_ID);
    secrets.add(password);
    return new User(name, password);
  }

  /** Adds an Open call with a description and a status, nobody holding it. */
  static CallRef newOpenCall(AsmSandbox sandbox, String description) {
    return sandbox
        .model()
        .addCall(
            CallStage.OPEN,
            Map.of("Description", description, "DescriptionHtml", description, "CallStatus", 2));
  }

  /** A client logging in as {@code user}, whose issued tokens are noted in {@code secrets}. */
  static AsmClient client(AsmSandbox sandbox, User user, Secrets secrets) {
    return clientBuilder(sandbox, user, secrets).build();
  }

  /** The builder of {@link #client}, to change a setting before building. */
  static AsmClient.Builder clientBuilder(AsmSandbox sandbox, User user, Secrets secrets) {
    return AsmClient.builder(sandbox.baseUrl().toString())
        .passwordLogin(CLIENT_ID, user.name(), user.password().toCharArray())
        .httpClient(TokenCapturingHttpClient.over(secrets))
        .readTimeout(READ_TIMEOUT)
        .retry(FAST_RETRY);
  }
}
