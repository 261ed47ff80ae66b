package io.asmkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.core.domain.AccessDeniedException;
import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.RequestRejectedException;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.domain.UnlockFailedException;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.port.in.LockedCall;
import io.asmkit.core.service.CallService;
import io.asmkit.core.service.TimeSource;
import io.asmkit.core.service.UnlockRetry;
import io.asmkit.feign.AsmClient;
import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import io.asmkit.sandbox.Fault;
import io.asmkit.sandbox.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix through the library: {@link CallService#runLocked} over an {@link AsmClient},
 * against the sandbox, with a fault injected at one stage (lock, work, update, unlock) per case.
 *
 * <p>Each case declares what must come of it: the exception (or none), who holds the lock at the
 * end (nobody, or the pipeline itself when unlocking was impossible, which the exception must then
 * say, naming the call), whether the update landed, and that no secret (the password, any token
 * issued) appears in the exception's messages, causes and suppressed exceptions, nor in the
 * adapter's log. The table is repeated, with the outcome of each case, in docs/reliability.md.
 */
class FaultMatrixTest {

  @RegisterExtension static AsmSandboxExtension sandbox = new AsmSandboxExtension();

  private static final Secrets SECRETS = new Secrets();

  @BeforeAll
  static void warmUp() {
    Pipelines.warmUp(sandbox.get());
  }

  /** Where in a locked cycle a fault is played. */
  enum Stage {
    LOCK,
    WORK,
    UPDATE,
    UNLOCK
  }

  /** Who holds the call's lock when the case is over. */
  enum FinalLock {
    /** Nobody: the call was unlocked (or never locked). */
    FREE,
    /** The pipeline itself: unlocking was impossible, and the exception must say so. */
    LEFT_BY_US,
    /** Another user, jsmith, who held it or took it during the case. */
    JSMITH
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void endsAsDeclared(Case c) throws Exception {
    Run run = new Run(sandbox.get());
    c.arrange.accept(run);

    long start = System.nanoTime();
    Throwable thrown = run.execute(c);
    long millis = (System.nanoTime() - start) / 1_000_000;
    run.settle();

    c.assertOutcome(run, thrown);
    Findings.record(
        "fault-matrix",
        c.toString(),
        thrown == null ? "success" : thrown.getClass().getSimpleName(),
        run.sandbox.model().lockHolder(run.ref).map(h -> "locked by " + h).orElse("unlocked"),
        run.requestsForTheCall() + " requests",
        millis + " ms",
        thrown == null ? "" : thrown.getMessage());
  }

  @AfterAll
  static void noSecretInTheAdapterLog() {
    SECRETS.harvest(sandbox.get());
    assertThat(SECRETS.count()).isPositive();
    SECRETS.assertNoneIn("the adapter's log", Secrets.adapterLog());
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();

    // --- lock
    cases.add(
        at(Stage.LOCK, "503 once then 204").fault(1, Fault.status(503, busy())).succeeds().build());
    cases.add(
        at(Stage.LOCK, "503 always")
            .fault(20, Fault.status(503, busy()))
            .fails(ServerUnavailableException.class)
            .notUpdated()
            .also((run, thrown) -> assertThat(run.requestsTo("lock")).isEqualTo(3))
            .build());
    cases.add(
        at(Stage.LOCK, "502 HTML page once then 204")
            .fault(1, Fault.htmlPage(502))
            .succeeds()
            .build());
    cases.add(
        at(Stage.LOCK, "500 once (not repeated)")
            .fault(1, Fault.status(500, "{\"Message\":\"An error has occurred.\"}"))
            .fails(ServerUnavailableException.class)
            .notUpdated()
            .also((run, thrown) -> assertThat(run.requestsTo("lock")).isEqualTo(1))
            .build());
    cases.add(
        at(Stage.LOCK, "connection reset once then 204")
            .fault(1, Fault.reset())
            .succeeds()
            .build());
    cases.add(
        at(Stage.LOCK, "connection reset always")
            .fault(20, Fault.reset())
            .fails(ServerUnavailableException.class)
            .notUpdated()
            .build());
    cases.add(
        at(Stage.LOCK, "timeout once, late lock lands while still held")
            .fault(1, Fault.delay(Pipelines.TIMEOUT_DELAY))
            .work(
                (run, call) -> {
                  run.awaitLateRequests();
                  run.defaultWork(call);
                })
            .succeeds()
            .build());
    cases.add(
        at(Stage.LOCK, "timeout once, late lock lands after the unlock (KNOWN LIMIT)")
            .fault(1, Fault.delay(Pipelines.TIMEOUT_DELAY))
            .succeeds()
            .finalLock(FinalLock.LEFT_BY_US)
            .silentlyLeftLocked()
            .build());
    cases.add(
        at(Stage.LOCK, "401 token expired before the lock")
            .arrange(Run::loginAndExpireTokens)
            .succeeds()
            .also((run, thrown) -> run.assertOneRefreshNoNewLogin())
            .build());
    cases.add(
        at(Stage.LOCK, "401 always (token refused again after the refresh)")
            .arrange(Run::login)
            .fault(20, Fault.status(401, denied()))
            .fails(AuthenticationException.class)
            .notUpdated()
            .also((run, thrown) -> run.assertOneRefreshNoNewLogin())
            .also((run, thrown) -> assertThat(run.requestsTo("lock")).isEqualTo(2))
            .build());
    cases.add(
        at(Stage.LOCK, "the login answers 503")
            .arrange(
                run ->
                    run.sandbox
                        .faults()
                        .failNext(1, "POST", "/oauth/login$", Fault.status(503, busy())))
            .fails(ServerUnavailableException.class)
            .notUpdated()
            .also((run, thrown) -> assertThat(run.requestsTo("lock")).isZero())
            .build());
    cases.add(
        at(Stage.LOCK, "held by jsmith, fail fast")
            .arrange(run -> run.heldBy("jsmith"))
            .fails(CallLockedException.class)
            .finalLock(FinalLock.JSMITH)
            .notUpdated()
            .also(FaultMatrixTest::namesTheHolder)
            .build());
    cases.add(
        at(Stage.LOCK, "held by jsmith, wait 400 ms then time out")
            .arrange(run -> run.heldBy("jsmith"))
            .wait(
                LockWait.upTo(
                    Duration.ofMillis(400), Duration.ofMillis(50), Duration.ofMillis(100)))
            .fails(CallLockedException.class)
            .finalLock(FinalLock.JSMITH)
            .notUpdated()
            .also(FaultMatrixTest::namesTheHolder)
            .also(
                (run, thrown) ->
                    assertThat(thrown)
                        .hasMessageContaining("still locked by 'jsmith' after waiting"))
            .build());
    cases.add(
        at(Stage.LOCK, "held by jsmith, released during the wait")
            .arrange(
                run -> {
                  run.heldBy("jsmith");
                  run.releaseAfter(Duration.ofMillis(250));
                })
            .wait(
                LockWait.upTo(Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(100)))
            .succeeds()
            .build());
    cases.add(
        at(Stage.LOCK, "403 access denied")
            .fault(1, Fault.status(403, "{\"Message\":\"Access denied.\"}"))
            .fails(AccessDeniedException.class)
            .notUpdated()
            .build());

    // --- work
    cases.add(
        at(Stage.WORK, "work throws a runtime exception")
            .work(
                (run, call) -> {
                  throw new IllegalStateException("deployment failed");
                })
            .fails(IllegalStateException.class)
            .notUpdated()
            .build());
    cases.add(
        at(Stage.WORK, "work throws a checked exception")
            .work(
                (run, call) -> {
                  throw new IOException("build artefact missing");
                })
            .fails(IOException.class)
            .notUpdated()
            .build());
    cases.add(
        at(Stage.WORK, "work throws an Error")
            .work(
                (run, call) -> {
                  throw new AssertionError("invariant broken");
                })
            .fails(AssertionError.class)
            .notUpdated()
            .build());
    cases.add(
        at(Stage.WORK, "work interrupted (throws InterruptedException)")
            .work(
                (run, call) -> {
                  Thread.currentThread().interrupt();
                  throw new InterruptedException("pipeline aborted");
                })
            .fails(InterruptedException.class)
            .notUpdated()
            .also((run, thrown) -> assertThat(run.interruptedAfter).isTrue())
            .build());
    cases.add(
        at(Stage.WORK, "work interrupted (flag set, returns normally)")
            .work(
                (run, call) -> {
                  run.defaultWork(call);
                  Thread.currentThread().interrupt();
                })
            .succeeds()
            .also((run, thrown) -> assertThat(run.interruptedAfter).isTrue())
            .build());
    cases.add(
        at(Stage.WORK, "401 in the middle: access tokens expire during the work")
            .arrange(Run::login)
            .work(
                (run, call) -> {
                  run.sandbox.expireAccessTokens();
                  run.defaultWork(call);
                })
            .succeeds()
            .also((run, thrown) -> run.assertOneRefreshNoNewLogin())
            .build());
    cases.add(
        at(Stage.WORK, "401 in the middle: access and refresh tokens expire during the work")
            .arrange(Run::login)
            .work(
                (run, call) -> {
                  run.sandbox.expireAccessTokens();
                  run.sandbox.expireRefreshTokens();
                  run.defaultWork(call);
                })
            .succeeds()
            .also((run, thrown) -> assertThat(run.loginsDuringRun()).isEqualTo(1))
            .build());
    cases.add(
        at(Stage.WORK, "work fails and the unlock fails too (503 always)")
            .fault(Stage.UNLOCK, 40, Fault.status(503, busy()))
            .work(
                (run, call) -> {
                  throw new IllegalStateException("deployment failed");
                })
            .fails(IllegalStateException.class)
            .finalLock(FinalLock.LEFT_BY_US)
            .notUpdated()
            .build());

    // --- update
    cases.add(
        at(Stage.UPDATE, "503 once then 200")
            .fault(1, Fault.status(503, busy()))
            .succeeds()
            .build());
    cases.add(
        at(Stage.UPDATE, "503 always")
            .fault(20, Fault.status(503, busy()))
            .fails(ServerUnavailableException.class)
            .notUpdated()
            .build());
    cases.add(
        at(Stage.UPDATE, "504 HTML page once then 200")
            .fault(1, Fault.htmlPage(504))
            .succeeds()
            .build());
    cases.add(
        at(Stage.UPDATE, "connection reset once then 200")
            .fault(1, Fault.reset())
            .succeeds()
            .build());
    cases.add(
        at(Stage.UPDATE, "connection reset always")
            .fault(20, Fault.reset())
            .fails(ServerUnavailableException.class)
            .notUpdated()
            .build());
    cases.add(
        at(Stage.UPDATE, "timeout once then 200")
            .fault(1, Fault.delay(Pipelines.TIMEOUT_DELAY))
            .succeeds()
            .build());
    cases.add(
        at(Stage.UPDATE, "timeout always")
            .fault(20, Fault.delay(Pipelines.TIMEOUT_DELAY))
            .fails(ServerUnavailableException.class)
            .build());
    cases.add(
        at(Stage.UPDATE, "401 once (token refused) then 200")
            .arrange(Run::login)
            .fault(1, Fault.status(401, denied()))
            .succeeds()
            .also((run, thrown) -> run.assertOneRefreshNoNewLogin())
            .build());
    cases.add(
        at(Stage.UPDATE, "401 always (token refused again after the refresh)")
            .arrange(Run::login)
            .fault(20, Fault.status(401, denied()))
            .fails(AuthenticationException.class)
            .notUpdated()
            // one refresh for the update's second try, one more for the unlock that follows
            .also((run, thrown) -> run.assertRefreshesAndNoNewLogin(2))
            .also((run, thrown) -> assertThat(run.requestsTo("")).isEqualTo(2))
            .build());
    cases.add(
        at(Stage.UPDATE, "400 validation error")
            .fault(
                1,
                Fault.status(
                    400,
                    "{\"Message\":\"The request is invalid.\","
                        + "\"ModelState\":{\"Description\":[\"Too long.\"]}}"))
            .fails(RequestRejectedException.class)
            .notUpdated()
            .build());
    cases.add(
        at(Stage.UPDATE, "lock taken over by jsmith before the update")
            .work(
                (run, call) -> {
                  run.sandbox.model().forceLock(run.ref, "jsmith");
                  run.defaultWork(call);
                })
            .fails(CallLockedException.class)
            .finalLock(FinalLock.JSMITH)
            .notUpdated()
            .also(FaultMatrixTest::unlockRefusalIsAttached)
            .build());

    // --- unlock
    cases.add(
        at(Stage.UNLOCK, "503 once then 204")
            .fault(1, Fault.status(503, busy()))
            .succeeds()
            .build());
    cases.add(
        at(Stage.UNLOCK, "503 twice then 204")
            .fault(2, Fault.status(503, busy()))
            .succeeds()
            .build());
    cases.add(
        at(Stage.UNLOCK, "503 always")
            .fault(40, Fault.status(503, busy()))
            .fails(UnlockFailedException.class)
            .finalLock(FinalLock.LEFT_BY_US)
            .also((run, thrown) -> assertThat(run.requestsTo("unlock")).isEqualTo(9))
            .build());
    cases.add(
        at(Stage.UNLOCK, "500 once then 204 (the core retries)")
            .fault(1, Fault.status(500, "{\"Message\":\"An error has occurred.\"}"))
            .succeeds()
            .build());
    cases.add(
        at(Stage.UNLOCK, "connection reset once then 204")
            .fault(1, Fault.reset())
            .succeeds()
            .build());
    cases.add(
        at(Stage.UNLOCK, "connection reset always")
            .fault(40, Fault.reset())
            .fails(UnlockFailedException.class)
            .finalLock(FinalLock.LEFT_BY_US)
            .build());
    cases.add(
        at(Stage.UNLOCK, "timeout once then 204")
            .fault(1, Fault.delay(Pipelines.TIMEOUT_DELAY))
            .succeeds()
            .build());
    cases.add(
        at(Stage.UNLOCK, "timeout always (late unlocks land afterwards)")
            .fault(40, Fault.delay(Pipelines.TIMEOUT_DELAY))
            .fails(UnlockFailedException.class)
            .also(
                (run, thrown) ->
                    assertThat(thrown).hasMessageContaining("Call " + run.ref + " may still be"))
            .build());
    cases.add(
        at(Stage.UNLOCK, "401 token expired before the unlock")
            .arrange(Run::login)
            .work(
                (run, call) -> {
                  run.defaultWork(call);
                  run.sandbox.expireAccessTokens();
                })
            .succeeds()
            .also((run, thrown) -> run.assertOneRefreshNoNewLogin())
            .build());
    cases.add(
        at(Stage.UNLOCK, "403 access denied")
            .fault(1, Fault.status(403, "{\"Message\":\"Access denied.\"}"))
            .fails(UnlockFailedException.class)
            .finalLock(FinalLock.LEFT_BY_US)
            .also(
                (run, thrown) ->
                    assertThat(((UnlockFailedException) thrown).lastFailure())
                        .isInstanceOf(AccessDeniedException.class))
            .build());
    cases.add(
        at(Stage.UNLOCK, "lock taken over by jsmith before the unlock")
            .work(
                (run, call) -> {
                  run.defaultWork(call);
                  run.sandbox.model().forceLock(run.ref, "jsmith");
                })
            .fails(UnlockFailedException.class)
            .finalLock(FinalLock.JSMITH)
            .also(
                (run, thrown) ->
                    assertThat(((UnlockFailedException) thrown).lastFailure())
                        .isInstanceOf(CallLockedException.class)
                        .hasMessageContaining("jsmith"))
            .build());

    return cases.stream();
  }

  private static void namesTheHolder(Run run, Throwable thrown) {
    assertThat(((CallLockedException) thrown).holder()).contains("jsmith");
    assertThat(thrown).hasMessageContaining("jsmith").hasMessageContaining(run.ref.toString());
  }

  private static void unlockRefusalIsAttached(Run run, Throwable thrown) {
    assertThat(thrown.getSuppressed())
        .singleElement()
        .isInstanceOf(UnlockFailedException.class)
        .satisfies(unlock -> assertThat(unlock).hasMessageContaining("Call " + run.ref));
  }

  private static String busy() {
    return "{\"Message\":\"The service is unavailable.\"}";
  }

  private static String denied() {
    return "{\"Message\":\"Authorization has been denied for this request.\"}";
  }

  // --- the case table's vocabulary

  private static CaseBuilder at(Stage stage, String fault) {
    return new CaseBuilder(stage, fault);
  }

  /** What one case does to its run, after the lock is taken. */
  @FunctionalInterface
  interface Work {
    void run(Run run, LockedCall call) throws Exception;
  }

  /** One row of the matrix. */
  static final class Case {
    final String name;
    final Stage stage;
    final Consumer<Run> arrange;
    final Work work;
    final LockWait wait;
    final Class<? extends Throwable> expected;
    final FinalLock finalLock;
    final Boolean updated;
    final boolean silentlyLeftLocked;
    final List<BiConsumer<Run, Throwable>> checks;

    Case(CaseBuilder b) {
      this.name = b.stage.name().toLowerCase() + " × " + b.fault;
      this.stage = b.stage;
      this.arrange = b.arrange;
      this.work = b.work;
      this.wait = b.wait;
      this.expected = b.expected;
      this.finalLock = b.finalLock;
      this.updated = b.updated;
      this.silentlyLeftLocked = b.silentlyLeftLocked;
      this.checks = List.copyOf(b.checks);
    }

    void assertOutcome(Run run, Throwable thrown) {
      if (expected == null) {
        assertThat(thrown).as("the failure of a case expected to succeed").isNull();
      } else {
        assertThat(thrown).isInstanceOf(expected);
        assertThat(thrown.getMessage()).as("the failure's message").isNotBlank();
      }

      Optional<String> holder = run.sandbox.model().lockHolder(run.ref);
      switch (finalLock) {
        case FREE -> assertThat(holder).as("the lock holder at the end").isEmpty();
        case JSMITH -> assertThat(holder).as("the lock holder at the end").contains("jsmith");
        case LEFT_BY_US -> {
          assertThat(holder).as("the lock holder at the end").contains(run.user.name());
          if (!silentlyLeftLocked) {
            assertThat(Secrets.describe(thrown))
                .as("the failure must name the call left locked")
                .contains("Call " + run.ref + " may still be locked");
          }
        }
      }

      if (updated != null) {
        String description = run.sandbox.model().get("jsmith", run.ref).description().orElse("");
        assertThat(description.equals(run.marker)).as("the update landed").isEqualTo(updated);
      }

      assertThat(run.requestsForTheCall())
          .as("requests about the call (bounded: no retry loop)")
          .isLessThanOrEqualTo(30);

      checks.forEach(check -> check.accept(run, thrown));

      SECRETS.harvest(run.sandbox);
      assertThat(SECRETS.count()).as("secrets known to search for").isPositive();
      SECRETS.assertNoneIn("the failure of case '" + name + "'", Secrets.describe(thrown));
      SECRETS.assertNoneIn("the adapter's log", Secrets.adapterLog());
      run.sandbox.requests().forEach(r -> SECRETS.assertNoneIn("a recorded request", r.toString()));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Builds a {@link Case}; by default: no fault, update the description, expect success. */
  static final class CaseBuilder {
    private final Stage stage;
    private final String fault;
    private Consumer<Run> arrange = run -> {};
    private Work work = (run, call) -> run.defaultWork(call);
    private LockWait wait = LockWait.failFast();
    private Class<? extends Throwable> expected;
    private FinalLock finalLock = FinalLock.FREE;
    private Boolean updated = Boolean.TRUE;
    private boolean silentlyLeftLocked;
    private final List<BiConsumer<Run, Throwable>> checks = new ArrayList<>();

    CaseBuilder(Stage stage, String fault) {
      this.stage = stage;
      this.fault = fault;
    }

    CaseBuilder fault(int count, Fault fault) {
      return fault(stage, count, fault);
    }

    CaseBuilder fault(Stage at, int count, Fault fault) {
      Consumer<Run> before = arrange;
      arrange = before.andThen(run -> run.fail(at, count, fault));
      return this;
    }

    CaseBuilder arrange(Consumer<Run> step) {
      arrange = arrange.andThen(step);
      return this;
    }

    CaseBuilder work(Work work) {
      this.work = work;
      return this;
    }

    CaseBuilder wait(LockWait wait) {
      this.wait = wait;
      return this;
    }

    CaseBuilder succeeds() {
      this.expected = null;
      return this;
    }

    CaseBuilder fails(Class<? extends Throwable> expected) {
      this.expected = expected;
      return this;
    }

    CaseBuilder finalLock(FinalLock finalLock) {
      this.finalLock = finalLock;
      return this;
    }

    CaseBuilder notUpdated() {
      this.updated = Boolean.FALSE;
      return this;
    }

    CaseBuilder silentlyLeftLocked() {
      this.silentlyLeftLocked = true;
      return this;
    }

    CaseBuilder also(BiConsumer<Run, Throwable> check) {
      checks.add(check);
      return this;
    }

    Case build() {
      if (expected == ServerUnavailableException.class && stage == Stage.UPDATE) {
        updated = null; // a timed-out update may land late, while the call is still ours
      }
      return new Case(this);
    }
  }

  /** One case's world: the sandbox, a fresh call and user, the client and the service. */
  static final class Run {
    final AsmSandbox sandbox;
    final Pipelines.User user;
    final CallRef ref;
    final AsmClient client;
    final CallService service;
    final String marker;
    private boolean delayed;
    private int loginsBefore;
    private CompletableFuture<Void> release = CompletableFuture.completedFuture(null);
    boolean interruptedAfter;

    Run(AsmSandbox sandbox) {
      this.sandbox = sandbox;
      this.user = Pipelines.newUser(sandbox, SECRETS);
      this.ref = Pipelines.newOpenCall(sandbox, "before");
      this.client = Pipelines.client(sandbox, user, SECRETS);
      this.service =
          new CallService(client, TimeSource.system(), new UnlockRetry(3, Duration.ofMillis(10)));
      this.marker = "after-" + ref;
      this.loginsBefore = sandbox.loginCount();
    }

    Throwable execute(Case c) {
      try {
        service.runLocked(
            ref,
            c.wait,
            call -> {
              c.work.run(this, call);
              return null;
            });
        return null;
      } catch (Throwable thrown) {
        return thrown;
      } finally {
        interruptedAfter = Thread.interrupted();
      }
    }

    void defaultWork(LockedCall call) {
      call.update(CallUpdate.builder().description(marker).build());
    }

    /** Plays {@code fault} on the next {@code count} requests of the stage, for this call. */
    void fail(Stage stage, int count, Fault fault) {
      String path =
          switch (stage) {
            case LOCK -> "/call/" + ref + "/lock$";
            case UPDATE -> "/call/" + ref + "$";
            case UNLOCK -> "/call/" + ref + "/unlock$";
            case WORK -> throw new IllegalArgumentException("faults in the work are the work's");
          };
      delayed |= fault.toString().contains("delay");
      sandbox.faults().failNext(count, "PUT", path, fault);
    }

    void heldBy(String other) {
      sandbox.model().forceLock(ref, other);
    }

    /** Another user unlocks the call after {@code delay}, while the case waits for the lock. */
    void releaseAfter(Duration delay) {
      release =
          CompletableFuture.runAsync(
              () -> sandbox.model().unlock("jsmith", ref),
              CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Logs in before the case, so that the case's own logins and refreshes can be counted. */
    void login() {
      client.tokens().current();
      loginsBefore = sandbox.loginCount();
      sandbox.clearRequests();
    }

    void loginAndExpireTokens() {
      login();
      sandbox.expireAccessTokens();
    }

    int loginsDuringRun() {
      return sandbox.loginCount() - loginsBefore;
    }

    void assertOneRefreshNoNewLogin() {
      assertRefreshesAndNoNewLogin(1);
    }

    void assertRefreshesAndNoNewLogin(int expected) {
      long refreshes =
          sandbox.requests().stream()
              .filter(r -> r.path().endsWith("/oauth/login"))
              .filter(r -> r.body().contains("grant_type=refresh_token"))
              .count();
      assertThat(refreshes).as("refreshes").isEqualTo(expected);
      assertThat(loginsDuringRun()).as("password logins").isZero();
    }

    /** Waits until every delayed request has been answered, so that late effects are seen. */
    void awaitLateRequests() throws InterruptedException {
      Thread.sleep(Pipelines.TIMEOUT_DELAY.toMillis() + 200);
    }

    void settle() throws Exception {
      release.get(5, TimeUnit.SECONDS);
      if (delayed) {
        awaitLateRequests();
      }
    }

    /** Requests to {@code call/REF/ACTION}, or to {@code call/REF} itself for an empty action. */
    long requestsTo(String action) {
      String suffix = "/call/" + ref + (action.isEmpty() ? "" : "/" + action);
      return sandbox.requests().stream().filter(r -> r.path().endsWith(suffix)).count();
    }

    long requestsForTheCall() {
      return sandbox.requests().stream()
          .map(RecordedRequest::path)
          .filter(path -> path.contains("/call/" + ref))
          .count();
    }
  }
}
