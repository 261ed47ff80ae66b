package io.asmkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.core.domain.AccessToken;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import io.asmkit.feign.AsmClient;
import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import io.asmkit.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Concurrent load on the sandbox, bounded in count (50 runs, 32 token requests) and in time (60 s,
 * after which the test fails and stops its threads): 50 {@code with-lock} runs over 10 calls, each
 * appending a marker to its call's description under the lock, so that a lost update shows as a
 * missing marker; a few runs wait too briefly on purpose, and must fail naming the holder.
 */
class LoadTest {

  @RegisterExtension static AsmSandboxExtension sandbox = new AsmSandboxExtension();

  private static final Secrets SECRETS = new Secrets();

  private static final int CALLS = 10;
  private static final int RUNS = 50;
  private static final int SLOW_HOLDERS = 5;
  private static final Duration HOLD = Duration.ofMillis(1500);
  private static final Duration BOUND = Duration.ofSeconds(60);

  @BeforeAll
  static void warmUp() {
    Pipelines.warmUp(sandbox.get());
  }

  @Test
  void fiftyConcurrentRunsOverTenCallsLoseNoUpdateAndNameTheHolderOnTimeout() throws Exception {
    AsmSandbox asm = sandbox.get();
    int loginsBefore = asm.loginCount();
    List<CallRef> calls = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      calls.add(Pipelines.newOpenCall(asm, "load"));
    }
    List<Pipeline> pipelines = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      pipelines.add(new Pipeline(i, calls.get(i % CALLS), asm));
    }
    asm.clearRequests();

    long start = System.nanoTime();
    ExecutorService threads = Executors.newFixedThreadPool(RUNS);
    Map<Integer, Object> outcomes = new ConcurrentHashMap<>();
    try {
      List<Future<?>> futures = new ArrayList<>();

      // The slow holders lock calls 0..4 first and keep them for HOLD.
      CountDownLatch holding = new CountDownLatch(SLOW_HOLDERS);
      for (Pipeline p : pipelines.subList(0, SLOW_HOLDERS)) {
        futures.add(threads.submit(() -> p.run(outcomes, holding, HOLD)));
      }
      assertThat(holding.await(10, TimeUnit.SECONDS)).as("slow holders locked").isTrue();

      // Then every other run starts at once; runs 10..14, on calls 0..4, wait too briefly.
      CountDownLatch go = new CountDownLatch(1);
      for (Pipeline p : pipelines.subList(SLOW_HOLDERS, RUNS)) {
        futures.add(
            threads.submit(
                () -> {
                  go.await();
                  return p.run(outcomes, null, Duration.ZERO);
                }));
      }
      go.countDown();

      long deadline = start + BOUND.toNanos();
      for (Future<?> future : futures) {
        future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException stuck) {
      throw new AssertionError("A run was still going after " + BOUND + ": stuck.", stuck);
    } finally {
      threads.shutdownNow();
      assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).as("threads stopped").isTrue();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // Every run ended: done, or timed out naming the holder (only the impatient ones).
    assertThat(outcomes).hasSize(RUNS);
    List<Pipeline> impatient = pipelines.stream().filter(Pipeline::impatient).toList();
    for (Pipeline p : pipelines) {
      Object outcome = outcomes.get(p.index);
      if (p.impatient()) {
        assertThat(outcome)
            .as("run %d (impatient)", p.index)
            .isInstanceOf(CallLockedException.class);
        CallLockedException locked = (CallLockedException) outcome;
        assertThat(locked.holder()).as("holder named by run %d", p.index).isPresent();
        assertThat(locked.getMessage()).contains(locked.holder().get()).contains(p.call.toString());
      } else {
        assertThat(outcome).as("run %d", p.index).isEqualTo("done");
      }
    }

    // No update lost: every call's description holds the marker of every run that finished.
    for (CallRef call : calls) {
      String description = asm.model().get("jsmith", call).description().orElse("");
      for (Pipeline p : pipelines) {
        if (p.call.equals(call)) {
          assertThat(description.contains(p.marker()))
              .as("marker of run %d on call %s", p.index, call)
              .isEqualTo(!p.impatient());
        }
      }
    }
    assertThat(asm.model().lockedRefs()).as("calls left locked").doesNotContainAnyElementsOf(calls);
    assertThat(asm.loginCount() - loginsBefore).as("logins: one per client").isEqualTo(RUNS);
    assertThat(took).as("wall time").isLessThan(BOUND);

    List<RecordedRequest> requests = asm.requests();
    long refusals = requests.stream().filter(r -> r.status() == 409).count();
    long locks = requests.stream().filter(r -> r.path().endsWith("/lock")).count();
    SECRETS.harvest(asm);
    for (Object outcome : outcomes.values()) {
      if (outcome instanceof Throwable failure) {
        SECRETS.assertNoneIn("a run's failure", Secrets.describe(failure));
      }
    }
    SECRETS.assertNoneIn("the adapter's log", Secrets.adapterLog());
    Findings.record(
        "load",
        "50 with-lock runs over 10 calls",
        "runs " + RUNS,
        "completed " + (RUNS - impatient.size()),
        "timed out naming the holder " + impatient.size(),
        "lock requests " + locks,
        "refused 409 (waits) " + refusals,
        "requests " + requests.size(),
        "wall " + took.toMillis() + " ms");
  }

  @Test
  void thirtyTwoThreadsAskingForATokenAtOnceCauseOneLogin() throws Exception {
    AsmSandbox asm = sandbox.get();
    AsmClient client = Pipelines.client(asm, Pipelines.newUser(asm, SECRETS), SECRETS);
    int loginsBefore = asm.loginCount();

    ExecutorService threads = Executors.newFixedThreadPool(32);
    List<Future<AccessToken>> tokens = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    try {
      for (int i = 0; i < 32; i++) {
        tokens.add(
            threads.submit(
                () -> {
                  go.await();
                  return client.tokens().current();
                }));
      }
      go.countDown();
      AccessToken first = tokens.get(0).get(30, TimeUnit.SECONDS);
      for (Future<AccessToken> token : tokens) {
        assertThat(token.get(30, TimeUnit.SECONDS)).isEqualTo(first);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(asm.loginCount() - loginsBefore).as("logins").isEqualTo(1);
    Findings.record("load", "32 threads ask one fresh client for a token", "logins 1");
  }

  /** One simulated pipeline: its own user and client, one run on one call. */
  private static final class Pipeline {
    final int index;
    final CallRef call;
    final CallService service;

    Pipeline(int index, CallRef call, AsmSandbox asm) {
      this.index = index;
      this.call = call;
      AsmClient client = Pipelines.client(asm, Pipelines.newUser(asm, SECRETS), SECRETS);
      client.tokens().current(); // logged in before the start, as a pipeline's earlier steps would
      this.service = new CallService(client);
    }

    /** Runs 10..14 run on calls 0..4 while the slow holders keep them: they wait 200 ms only. */
    boolean impatient() {
      return index >= CALLS && index < CALLS + SLOW_HOLDERS;
    }

    String marker() {
      return "[m" + index + "]";
    }

    Object run(Map<Integer, Object> outcomes, CountDownLatch locked, Duration hold) {
      LockWait wait =
          impatient()
              ? LockWait.upTo(Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofMillis(50))
              : LockWait.upTo(
                  Duration.ofSeconds(40), Duration.ofMillis(20), Duration.ofMillis(200));
      try {
        service.runLocked(
            call,
            wait,
            lockedCall -> {
              if (locked != null) {
                locked.countDown();
              }
              String before = lockedCall.get().description().orElse("");
              Thread.sleep(hold.toMillis());
              lockedCall.update(CallUpdate.builder().description(before + marker()).build());
              return null;
            });
        outcomes.put(index, "done");
      } catch (Exception failure) {
        outcomes.put(index, failure);
      }
      return null;
    }
  }
}
