package io.asmkit.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import io.asmkit.sandbox.Fault;
import io.asmkit.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client against the sandbox's real login, token expiry and faults: what WireMock stubs cannot
 * show, such as single-use refresh tokens.
 *
 * <p>PENDING: this file sits outside {@code src/test/java} until asm-sandbox is merged; then move
 * it to {@code src/test/java/io/asmkit/feign/} with {@code AsmClientContractTest}.
 */
class AsmClientSandboxTest {

  @RegisterExtension static AsmSandboxExtension sandbox = new AsmSandboxExtension();

  private static AsmClient.Builder analyst() {
    return AsmClient.builder(sandbox.get().baseUrl().toString())
        .passwordLogin("sandbox-client", "analyst", "sandbox".toCharArray())
        .retry(
            RetryPolicy.of(4, Duration.ofSeconds(10))
                .withPauses(Duration.ofMillis(10), Duration.ofMillis(20)));
  }

  private static CallRef openCall() {
    return sandbox
        .get()
        .model()
        .addCall(CallStage.OPEN, Map.of("Description", "d", "DescriptionHtml", "d"));
  }

  private static List<String> grantTypes(AsmSandbox asm) {
    List<String> grants = new ArrayList<>();
    for (RecordedRequest request : asm.requests()) {
      if (request.path().endsWith("/alemba.web/oauth/login")) {
        grants.add(request.body().contains("grant_type=refresh_token") ? "refresh" : "password");
      }
    }
    return grants;
  }

  @Test
  void refreshesOnceTheSandboxExpiresTheAccessTokens() {
    AsmSandbox asm = sandbox.get();
    AsmClient client = analyst().build();
    CallRef ref = openCall();
    int logins = asm.loginCount();

    client.get(ref);
    asm.expireAccessTokens();
    client.get(ref);

    assertThat(asm.loginCount()).isEqualTo(logins + 1);
    assertThat(grantTypes(asm)).containsExactly("password", "refresh");
  }

  @Test
  void logsInAfreshWhenTheRefreshTokenIsExpiredToo() {
    AsmSandbox asm = sandbox.get();
    AsmClient client = analyst().build();
    CallRef ref = openCall();
    int logins = asm.loginCount();

    client.get(ref);
    asm.expireAccessTokens();
    asm.expireRefreshTokens();
    client.get(ref);

    assertThat(asm.loginCount()).isEqualTo(logins + 2);
    assertThat(grantTypes(asm)).containsExactly("password", "refresh", "password");
  }

  @Test
  void logsInOnceWhenManyThreadsStartTogether() throws Exception {
    AsmSandbox asm = sandbox.get();
    AsmClient client = analyst().build();
    CallRef ref = openCall();
    int logins = asm.loginCount();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);

    List<Future<CallRef>> reads = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      reads.add(
          pool.submit(
              () -> {
                start.await();
                return client.get(ref).ref();
              }));
    }
    start.countDown();
    for (Future<CallRef> read : reads) {
      assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(ref);
    }
    pool.shutdown();

    assertThat(asm.loginCount()).isEqualTo(logins + 1);
  }

  @Test
  void repeatsALockWhoseConnectionWasReset() {
    AsmSandbox asm = sandbox.get();
    AsmClient client = analyst().build();
    CallRef ref = openCall();
    asm.faults().failNext(1, "PUT", "call/" + ref + "/lock$", Fault.reset());

    client.lock(ref);

    assertThat(asm.model().lockHolder(ref)).contains("analyst");
    assertThat(asm.faults().pending()).isZero();
  }

  @Test
  void repeatsAnUnlockAfterA503() {
    AsmSandbox asm = sandbox.get();
    AsmClient client = analyst().build();
    CallRef ref = openCall();
    client.lock(ref);
    asm.faults()
        .failNext(
            2, "PUT", "call/" + ref + "/unlock$", Fault.status(503, "{\"Message\":\"Busy.\"}"));

    client.unlock(ref);

    assertThat(asm.model().lockHolder(ref)).isEmpty();
  }

  @Test
  void doesNotRepeatACloseAfterAnHtml503() {
    AsmSandbox asm = sandbox.get();
    AsmClient client = analyst().build();
    CallRef ref = openCall();
    client.lock(ref);
    asm.faults().failNext(1, "PUT", "call/" + ref + "/close$", Fault.htmlPage(503));

    assertThatThrownBy(
            () ->
                client.perform(
                    ref,
                    io.asmkit.core.domain.CallAction.of(
                        io.asmkit.core.domain.CallAction.Kind.CLOSE)))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageContaining("an HTML page");

    assertThat(asm.model().stage(ref)).isEqualTo(CallStage.OPEN);
  }

  @Test
  void namesTheHolderOfALockHeldByAnotherUser() {
    AsmSandbox asm = sandbox.get();
    CallRef ref = openCall();
    asm.model().forceLock(ref, "jsmith");

    assertThatThrownBy(() -> analyst().build().lock(ref))
        .isInstanceOfSatisfying(
            CallLockedException.class, e -> assertThat(e.holder()).contains("jsmith"));
  }

  @Test
  void runsLockedWorkAndLeavesTheCallUnlocked() {
    AsmSandbox asm = sandbox.get();
    CallRef ref = openCall();
    CallService calls = new CallService(analyst().build());

    calls.runLocked(
        ref,
        LockWait.failFast(),
        call -> {
          call.update(CallUpdate.builder().description("deployed").status(5).build());
          return null;
        });

    assertThat(asm.model().lockHolder(ref)).isEmpty();
    assertThat(asm.model().get("analyst", ref).description()).contains("deployed");
  }
}
