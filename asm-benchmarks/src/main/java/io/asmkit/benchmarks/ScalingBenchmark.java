package io.asmkit.benchmarks;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import io.asmkit.feign.AsmClient;
import io.asmkit.sandbox.AsmSandbox;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * With-lock cycles (lock, update, unlock through {@link CallService#runLocked}) on distinct calls,
 * one call per thread, against a sandbox that adds a fixed latency to every reply, as a remote ASM
 * would. Run it with {@code -t 1}, {@code -t 2}, {@code -t 4} and {@code -t 8}: linear scaling
 * means {@code n} threads complete {@code n} times the cycles of one.
 *
 * <p>All threads share one {@link AsmClient} with a password login, as the threads of one pipeline
 * (or one Jenkins controller) would.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScalingBenchmark {

  /** The sandbox and the client every thread shares. */
  @State(Scope.Benchmark)
  public static class Shared {

    /** The latency the sandbox adds to every reply, in milliseconds. */
    @Param("20")
    public int latencyMillis;

    AsmSandbox sandbox;
    CallService service;

    /** Starts the sandbox with the latency, and logs in once. */
    @Setup(Level.Trial)
    public void setUp() {
      sandbox =
          AsmSandbox.builder()
              .latency(Duration.ofMillis(latencyMillis))
              .accessTokenLifetime(Duration.ofHours(2))
              .start();
      AsmClient client =
          AsmClient.builder(sandbox.baseUrl().toString())
              .passwordLogin(
                  BareLogin.SAMPLE.clientId(),
                  BareLogin.SAMPLE.username(),
                  BareLogin.SAMPLE.password().toCharArray())
              .build();
      client.tokens().current();
      service = new CallService(client);
    }

    /** Stops the sandbox. */
    @TearDown(Level.Trial)
    public void tearDown() {
      sandbox.close();
    }
  }

  /** The call of one thread. */
  @State(Scope.Thread)
  public static class OwnCall {
    CallRef ref;
    long cycles;

    /** Makes the thread's own call. */
    @Setup(Level.Trial)
    public void setUp(Shared shared) {
      ref =
          shared
              .sandbox
              .model()
              .addCall(
                  CallStage.OPEN,
                  Map.of("Description", "scaling", "DescriptionHtml", "scaling", "CallStatus", 2));
    }
  }

  /** One with-lock cycle on the thread's own call. */
  @Benchmark
  public void withLock(Shared shared, OwnCall own) {
    CallUpdate update = CallUpdate.builder().description("cycle " + own.cycles++).build();
    shared.service.runLocked(
        own.ref,
        LockWait.failFast(),
        call -> {
          call.update(update);
          return null;
        });
  }
}
