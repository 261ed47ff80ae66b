package io.asmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.AccessDeniedException;
import io.asmkit.core.domain.ActionNotAllowedException;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallOperation;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.LockSession;
import io.asmkit.core.domain.OperationInterruptedException;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.domain.UnlockFailedException;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.inmemory.InMemoryAsm;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.port.in.LockWaitListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shared use cases, over the in-memory ASM with a recording port and a fake clock. */
class CallServiceTest {

  private static final String ME = "deployer";
  private static final String HOLDER = "jsmith";

  private final InMemoryAsm asm = new InMemoryAsm();
  private final CallRef ref =
      asm.addCall(CallStage.OPEN, Map.of("Description", "before", "DescriptionHtml", "before"));
  private final RecordingCallPort port = new RecordingCallPort(asm.portFor(ME));
  private final FakeTime time = new FakeTime();
  private final CallService service = new CallService(port, time, UnlockRetry.defaults());
  private final CallUpdate update = CallUpdate.builder().description("deployed").build();

  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted();
  }

  // lock, update, unlock one call

  @Test
  void locksUpdatesAndUnlocksOneCall() {
    try (LockSession session = service.lock(ref, LockWait.failFast())) {
      assertThat(asm.lockHolder(ref)).contains(ME);

      service.update(ref, update);
    }

    assertThat(asm.lockHolder(ref)).isEmpty();
    assertThat(service.get(ref).description()).contains("deployed");
    assertThat(port.requests())
        .containsExactly(
            "lock " + ref,
            "update " + ref + " [Description, DescriptionHtml]",
            "unlock " + ref,
            "get " + ref);
  }

  @Test
  void unlocksACallNobodyHolds() {
    service.unlock(ref);

    assertThat(port.requests()).containsExactly("unlock " + ref);
    assertThat(asm.lockHolder(ref)).isEmpty();
  }

  @Test
  void passesARefusedUpdateOnAsIs() {
    assertThatThrownBy(() -> service.update(ref, update))
        .isInstanceOf(ActionNotAllowedException.class)
        .hasMessageContaining("not locked by you");

    assertThat(port.requests())
        .containsExactly("update " + ref + " [Description, DescriptionHtml]");
  }

  @Test
  void performsAnActionThatReleasesTheLock() {
    asm.lock(ME, ref);

    service.perform(ref, CallAction.of(CallAction.Kind.DEFER));

    assertThat(port.requests()).containsExactly("defer " + ref);
    assertThat(asm.lockHolder(ref)).isEmpty();
  }

  // acquiring the lock

  @Test
  void failsAtOnceNamingTheHolderWhenAskedNotToWait() {
    asm.forceLock(ref, HOLDER);

    assertThatThrownBy(() -> service.lock(ref, LockWait.failFast()))
        .isInstanceOfSatisfying(
            CallLockedException.class,
            e -> {
              assertThat(e.holder()).contains(HOLDER);
              assertThat(e).hasMessage(CallLockedException.describe(ref, HOLDER));
              assertThat(e.getMessage()).doesNotContain("after waiting");
            });

    assertThat(port.requests()).containsExactly("lock " + ref);
    assertThat(time.pauses()).isEmpty();
    assertThat(asm.lockHolder(ref)).contains(HOLDER);
  }

  @Test
  void waitsWithDoublingPausesUntilTheHolderReleasesTheLock() {
    asm.forceLock(ref, HOLDER);
    time.onSleep(
        n -> {
          if (n == 3) {
            asm.unlock(HOLDER, ref);
          }
        });

    LockSession session = service.lock(ref, LockWait.upTo(Duration.ofMinutes(5)));

    assertThat(session.isHeld()).isTrue();
    assertThat(session.callRef()).isEqualTo(ref);
    assertThat(asm.lockHolder(ref)).contains(ME);
    assertThat(time.pauses()).containsExactly(seconds(1), seconds(2), seconds(4));
    assertThat(port.requests()).containsExactlyElementsOf(Collections.nCopies(4, "lock " + ref));
  }

  @Test
  void capsPausesAtThirtySecondsAndAtTheTimeLeftThenFailsNamingTheHolderAndTheWait() {
    asm.forceLock(ref, HOLDER);

    assertThatThrownBy(() -> service.lock(ref, LockWait.upTo(Duration.ofSeconds(200))))
        .isInstanceOfSatisfying(
            CallLockedException.class,
            e -> {
              assertThat(e)
                  .hasMessageStartingWith(
                      "Call " + ref + " is still locked by 'jsmith' after waiting 3m20s.");
              assertThat(e.holder()).contains(HOLDER);
              assertThat(e.callRef()).contains(ref);
              assertThat(e.getCause()).isInstanceOf(CallLockedException.class);
            });

    assertThat(time.pauses())
        .containsExactly(
            seconds(1),
            seconds(2),
            seconds(4),
            seconds(8),
            seconds(16),
            seconds(30),
            seconds(30),
            seconds(30),
            seconds(30),
            seconds(30),
            seconds(19));
    assertThat(time.slept()).isEqualTo(seconds(200));
    assertThat(port.requests()).containsExactlyElementsOf(Collections.nCopies(12, "lock " + ref));
    assertThat(asm.lockHolder(ref)).contains(HOLDER);
  }

  @Test
  void waitsWithAnEnormousTimeoutAsWithAnyOther() {
    asm.forceLock(ref, HOLDER);
    time.onSleep(
        n -> {
          if (n == 2) {
            asm.unlock(HOLDER, ref);
          }
        });

    LockSession session = service.lock(ref, LockWait.upTo(Duration.ofSeconds(Long.MAX_VALUE)));

    assertThat(session.isHeld()).isTrue();
    assertThat(time.pauses()).containsExactly(seconds(1), seconds(2));
    assertThat(port.requests()).containsExactlyElementsOf(Collections.nCopies(3, "lock " + ref));
  }

  @Test
  void followsTheGivenPausesWhenWaiting() {
    asm.forceLock(ref, HOLDER);
    LockWait wait = LockWait.upTo(Duration.ofSeconds(1), Duration.ofMillis(100), millis(250));

    assertThatThrownBy(() -> service.lock(ref, wait))
        .isInstanceOf(CallLockedException.class)
        .hasMessageContaining("after waiting 1s");

    assertThat(time.pauses())
        .containsExactly(millis(100), millis(200), millis(250), millis(250), millis(200));
  }

  @Test
  void stopsWaitingForTheLockWhenInterruptedLeavingTheFlagSetAndNothingLocked() {
    asm.forceLock(ref, HOLDER);
    time.onSleep(
        n -> {
          if (n == 2) {
            throw new InterruptedException("Ctrl-C");
          }
        });

    assertThatThrownBy(() -> service.lock(ref, LockWait.upTo(Duration.ofMinutes(1))))
        .isInstanceOfSatisfying(
            OperationInterruptedException.class,
            e -> {
              assertThat(e).hasMessageContaining("call " + ref).hasMessageContaining("not locked");
              assertThat(e.callRef()).contains(ref);
              assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
              assertThat(e.getSuppressed()).singleElement().isInstanceOf(CallLockedException.class);
            });

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(port.requests()).containsExactly("lock " + ref, "lock " + ref);
    assertThat(asm.lockHolder(ref)).contains(HOLDER);
  }

  // telling that we wait for another user's lock

  @Test
  void tellsTheListenerOnceWithTheHolderAndTheTimeoutBeforeTheFirstPause() {
    asm.forceLock(ref, HOLDER);
    time.onSleep(
        n -> {
          if (n == 3) {
            asm.unlock(HOLDER, ref);
          }
        });
    List<String> told = new ArrayList<>();
    LockWaitListener listener =
        (call, held, timeout) ->
            told.add(
                call
                    + " "
                    + held.holder().orElse("?")
                    + " "
                    + timeout
                    + " after "
                    + time.pauses().size()
                    + " pauses");

    LockSession session =
        service.withLockWaitListener(listener).lock(ref, LockWait.upTo(Duration.ofMinutes(5)));

    assertThat(session.isHeld()).isTrue();
    assertThat(asm.lockHolder(ref)).contains(ME);
    assertThat(told).containsExactly(ref + " jsmith PT5M after 0 pauses");
    assertThat(time.pauses()).containsExactly(seconds(1), seconds(2), seconds(4));
    assertThat(port.requests()).containsExactlyElementsOf(Collections.nCopies(4, "lock " + ref));
  }

  @Test
  void tellsTheListenerOnlyOnceWhenTheWaitTimesOut() {
    asm.forceLock(ref, HOLDER);
    List<CallLockedException> told = new ArrayList<>();

    assertThatThrownBy(
            () ->
                service
                    .withLockWaitListener((call, held, timeout) -> told.add(held))
                    .lock(ref, LockWait.upTo(Duration.ofSeconds(10))))
        .isInstanceOf(CallLockedException.class)
        .hasMessageContaining("after waiting 10s");

    assertThat(told).singleElement().satisfies(held -> assertThat(held.holder()).contains(HOLDER));
    assertThat(time.pauses()).hasSize(4);
    assertThat(asm.lockHolder(ref)).contains(HOLDER);
  }

  @Test
  void doesNotTellTheListenerWhenAskedNotToWait() {
    asm.forceLock(ref, HOLDER);
    List<CallLockedException> told = new ArrayList<>();

    assertThatThrownBy(
            () ->
                service
                    .withLockWaitListener((call, held, timeout) -> told.add(held))
                    .lock(ref, LockWait.failFast()))
        .isInstanceOf(CallLockedException.class);

    assertThat(told).isEmpty();
    assertThat(port.requests()).containsExactly("lock " + ref);
    assertThat(asm.lockHolder(ref)).contains(HOLDER);
  }

  @Test
  void doesNotTellTheListenerWhenTheFirstAttemptGetsTheLock() {
    List<CallLockedException> told = new ArrayList<>();

    LockSession session =
        service
            .withLockWaitListener((call, held, timeout) -> told.add(held))
            .lock(ref, LockWait.upTo(Duration.ofMinutes(1)));

    assertThat(session.isHeld()).isTrue();
    assertThat(asm.lockHolder(ref)).contains(ME);
    assertThat(told).isEmpty();
    assertThat(port.requests()).containsExactly("lock " + ref);
    assertThat(time.pauses()).isEmpty();
  }

  @Test
  void tellsTheListenerOnceWhenRunningWorkWaitsForTheLock() {
    asm.forceLock(ref, HOLDER);
    time.onSleep(
        n -> {
          if (n == 2) {
            asm.unlock(HOLDER, ref);
          }
        });
    List<String> told = new ArrayList<>();

    String result =
        service
            .withLockWaitListener(
                (call, held, timeout) -> told.add(call + " " + held.holder().orElse("?")))
            .runLocked(ref, LockWait.upTo(Duration.ofMinutes(1)), call -> "done");

    assertThat(result).isEqualTo("done");
    assertThat(told).containsExactly(ref + " " + HOLDER);
    assertThat(port.requests())
        .containsExactly("lock " + ref, "lock " + ref, "lock " + ref, "unlock " + ref);
    assertThat(asm.lockHolder(ref)).isEmpty();
  }

  @Test
  void stopsWithNothingLockedWhenTheListenerFails() {
    asm.forceLock(ref, HOLDER);

    assertThatThrownBy(
            () ->
                service
                    .withLockWaitListener(
                        (call, held, timeout) -> {
                          throw new IllegalStateException("console closed");
                        })
                    .lock(ref, LockWait.upTo(Duration.ofMinutes(1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("console closed");

    assertThat(time.pauses()).isEmpty();
    assertThat(port.requests()).containsExactly("lock " + ref);
    assertThat(asm.lockHolder(ref)).contains(HOLDER);
  }

  @Test
  void keepsThePortClockAndRetriesWhenGivenAListener() {
    asm.lock(ME, ref);
    port.failNext(CallOperation.UNLOCK, unavailable());

    service.withLockWaitListener(LockWaitListener.none()).unlock(ref);

    assertThat(time.pauses()).containsExactly(millis(500));
    assertThat(port.requests()).containsExactly("unlock " + ref, "unlock " + ref);
  }

  // running work while the call is locked

  @Test
  void runsWorkOnTheLockedCallAndUnlocksAfterwards() {
    String result =
        service.runLocked(
            ref,
            LockWait.failFast(),
            call -> {
              assertThat(asm.lockHolder(ref)).contains(ME);
              assertThat(call.callRef()).isEqualTo(ref);
              assertThat(call.session().isHeld()).isTrue();
              call.update(update);
              return call.get().description().orElseThrow();
            });

    assertThat(result).isEqualTo("deployed");
    assertThat(asm.lockHolder(ref)).isEmpty();
    assertThat(port.requests())
        .containsExactly(
            "lock " + ref,
            "update " + ref + " [Description, DescriptionHtml]",
            "get " + ref,
            "unlock " + ref);
  }

  @Test
  void unlocksWhenTheWorkThrowsACheckedException() {
    IOException failure = new IOException("artifact missing");

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.failFast(),
                    call -> {
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(port.requests()).containsExactly("lock " + ref, "unlock " + ref);
    assertThat(asm.lockHolder(ref)).isEmpty();
  }

  @Test
  void unlocksWhenTheWorkThrowsARuntimeException() {
    IllegalStateException failure = new IllegalStateException("bug in the work");

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.failFast(),
                    call -> {
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(port.requests()).containsExactly("lock " + ref, "unlock " + ref);
    assertThat(asm.lockHolder(ref)).isEmpty();
  }

  @Test
  void unlocksWhenTheWorkThrowsAnError() {
    StackOverflowError failure = new StackOverflowError("deep");

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.failFast(),
                    call -> {
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(port.requests()).containsExactly("lock " + ref, "unlock " + ref);
    assertThat(asm.lockHolder(ref)).isEmpty();
  }

  @Test
  void unlocksWhenTheWorkIsInterruptedAndKeepsTheInterruptFlag() {
    InterruptedException failure = new InterruptedException("pipeline aborted");

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.failFast(),
                    call -> {
                      Thread.currentThread().interrupt();
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(port.requests()).containsExactly("lock " + ref, "unlock " + ref);
    assertThat(asm.lockHolder(ref)).isEmpty();
  }

  @Test
  void retriesTheUnlockAfterInterruptedWorkAndThenRestoresTheFlag() {
    port.failNext(CallOperation.UNLOCK, unavailable());

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.failFast(),
                    call -> {
                      Thread.currentThread().interrupt();
                      throw new InterruptedException("pipeline aborted");
                    }))
        .isInstanceOf(InterruptedException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(time.pauses()).containsExactly(millis(500));
    assertThat(port.requests()).containsExactly("lock " + ref, "unlock " + ref, "unlock " + ref);
    assertThat(asm.lockHolder(ref)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CallAction.Kind.class)
  void sendsNoUnlockAfterTheWorkForwardedDeferredOrClosedTheCall(CallAction.Kind kind) {
    AtomicReference<LockSession> session = new AtomicReference<>();

    service.runLocked(
        ref,
        LockWait.failFast(),
        call -> {
          call.perform(CallAction.of(kind));
          session.set(call.session());
          return null;
        });

    assertThat(port.requests()).containsExactly("lock " + ref, kind.pathName() + " " + ref);
    assertThat(session.get().state()).isEqualTo(LockSession.State.RELEASED_BY_SERVER);
    assertThat(asm.lockHolder(ref)).isEmpty();
  }

  @Test
  void sendsNoUnlockWhenTheWorkFailsAfterClosingTheCall() {
    IllegalStateException failure = new IllegalStateException("after close");

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.failFast(),
                    call -> {
                      call.perform(CallAction.of(CallAction.Kind.CLOSE));
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(port.requests()).containsExactly("lock " + ref, "close " + ref);
    assertThat(asm.stage(ref)).isEqualTo(CallStage.CLOSED);
  }

  @Test
  void unlocksWhenAForwardFails() {
    ServerUnavailableException down = unavailable();
    port.failNext(CallOperation.FORWARD, down);

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.failFast(),
                    call -> {
                      call.perform(CallAction.of(CallAction.Kind.FORWARD));
                      return null;
                    }))
        .isSameAs(down);

    assertThat(port.requests()).containsExactly("lock " + ref, "forward " + ref, "unlock " + ref);
    assertThat(asm.lockHolder(ref)).isEmpty();
  }

  @Test
  void neverRunsTheWorkNorUnlocksWhenAnotherUserHoldsTheLock() {
    asm.forceLock(ref, HOLDER);
    AtomicBoolean ran = new AtomicBoolean();

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.upTo(Duration.ofSeconds(10)),
                    call -> {
                      ran.set(true);
                      return null;
                    }))
        .isInstanceOf(CallLockedException.class)
        .hasMessageContaining("still locked by 'jsmith' after waiting 10s");

    assertThat(ran).isFalse();
    assertThat(port.requests()).doesNotContain("unlock " + ref).allMatch(r -> r.startsWith("lock"));
    assertThat(time.pauses()).containsExactly(seconds(1), seconds(2), seconds(4), seconds(3));
    assertThat(asm.lockHolder(ref)).contains(HOLDER);
  }

  @Test
  void neverRunsTheWorkWhenInterruptedWhileWaitingForTheLock() {
    asm.forceLock(ref, HOLDER);
    time.onSleep(
        n -> {
          throw new InterruptedException("Ctrl-C");
        });
    AtomicBoolean ran = new AtomicBoolean();

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.upTo(Duration.ofMinutes(1)),
                    call -> {
                      ran.set(true);
                      return null;
                    }))
        .isInstanceOf(OperationInterruptedException.class);

    assertThat(ran).isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(port.requests()).containsExactly("lock " + ref);
    assertThat(asm.lockHolder(ref)).contains(HOLDER);
  }

  // unlocking, with retries

  @Test
  void retriesTheUnlockWhileTheServerIsUnavailable() {
    port.failNext(CallOperation.UNLOCK, unavailable(), unavailable());

    String result = service.runLocked(ref, LockWait.failFast(), call -> "done");

    assertThat(result).isEqualTo("done");
    assertThat(time.pauses()).containsExactly(millis(500), seconds(1));
    assertThat(port.requests())
        .containsExactly("lock " + ref, "unlock " + ref, "unlock " + ref, "unlock " + ref);
    assertThat(asm.lockHolder(ref)).isEmpty();
  }

  @Test
  void givesUpTheUnlockAfterTheLastAttemptNamingTheCall() {
    ServerUnavailableException last = unavailable();
    port.failNext(CallOperation.UNLOCK, unavailable(), unavailable(), unavailable(), last);

    assertThatThrownBy(() -> service.runLocked(ref, LockWait.failFast(), call -> "done"))
        .isInstanceOfSatisfying(
            UnlockFailedException.class,
            e -> {
              assertThat(e)
                  .hasMessageContaining("Call " + ref + " may still be locked")
                  .hasMessageContaining("after 4 attempts");
              assertThat(e.callRef()).contains(ref);
              assertThat(e.lastFailure()).isSameAs(last);
              assertThat(e.httpStatus()).hasValue(503);
            });

    assertThat(time.pauses()).containsExactly(millis(500), seconds(1), seconds(2));
    assertThat(port.requests())
        .containsExactly(
            "lock " + ref, "unlock " + ref, "unlock " + ref, "unlock " + ref, "unlock " + ref);
    assertThat(asm.lockHolder(ref)).contains(ME);
  }

  @Test
  void followsTheGivenUnlockRetries() {
    CallService twoTries = new CallService(port, time, new UnlockRetry(2, millis(100)));
    port.failNext(CallOperation.UNLOCK, unavailable(), unavailable());

    assertThatThrownBy(() -> twoTries.unlock(ref))
        .isInstanceOf(UnlockFailedException.class)
        .hasMessageContaining("after 2 attempts");

    assertThat(time.pauses()).containsExactly(millis(100));
    assertThat(port.requests()).containsExactly("unlock " + ref, "unlock " + ref);
  }

  @Test
  void doesNotRetryAnUnlockTheServerRefused() {
    AccessDeniedException denied =
        new AccessDeniedException("You may not unlock calls.", ref, 403, "Forbidden", null);
    port.failNext(CallOperation.UNLOCK, denied);

    assertThatThrownBy(() -> service.runLocked(ref, LockWait.failFast(), call -> "done"))
        .isInstanceOfSatisfying(
            UnlockFailedException.class,
            e -> {
              assertThat(e).hasMessageContaining("Call " + ref).hasMessageContaining("1 attempt.");
              assertThat(e.lastFailure()).isSameAs(denied);
            });

    assertThat(time.pauses()).isEmpty();
    assertThat(port.requests()).containsExactly("lock " + ref, "unlock " + ref);
  }

  @Test
  void doesNotRetryTheUnlockOfACallAnotherUserHolds() {
    asm.forceLock(ref, HOLDER);

    assertThatThrownBy(() -> service.unlock(ref))
        .isInstanceOfSatisfying(
            UnlockFailedException.class,
            e -> assertThat(e.lastFailure()).isInstanceOf(CallLockedException.class));

    assertThat(time.pauses()).isEmpty();
    assertThat(port.requests()).containsExactly("unlock " + ref);
  }

  @Test
  void stopsRetryingTheUnlockWhenInterruptedAndKeepsTheFlag() {
    port.failNext(CallOperation.UNLOCK, unavailable(), unavailable());
    time.onSleep(
        n -> {
          throw new InterruptedException("Ctrl-C");
        });

    assertThatThrownBy(() -> service.unlock(ref))
        .isInstanceOf(UnlockFailedException.class)
        .hasMessageContaining("after 1 attempt.");

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(port.requests()).containsExactly("unlock " + ref);
  }

  @Test
  void throwsTheWorksFailureWithTheFailedUnlockSuppressed() {
    IOException failure = new IOException("artifact missing");
    AccessDeniedException denied = new AccessDeniedException("denied", ref, 403, null, null);
    port.failNext(CallOperation.UNLOCK, denied);

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.failFast(),
                    call -> {
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(failure.getSuppressed())
        .singleElement()
        .isInstanceOfSatisfying(
            UnlockFailedException.class,
            e -> {
              assertThat(e).hasMessageContaining("Call " + ref + " may still be locked");
              assertThat(e.lastFailure()).isSameAs(denied);
            });
    assertThat(port.requests()).containsExactly("lock " + ref, "unlock " + ref);
  }

  @Test
  void keepsTheWorksFailureWhenTheUnlockFailsWithAnError() {
    IOException failure = new IOException("artifact missing");
    LinkageError broken = new LinkageError("adapter class missing");
    port.failNextWith(CallOperation.UNLOCK, broken);

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.failFast(),
                    call -> {
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(failure.getSuppressed()).containsExactly(broken);
    assertThat(port.requests()).containsExactly("lock " + ref, "unlock " + ref);
  }

  @Test
  void keepsTheWorksFailureWhenTheUnlockFailsUnexpectedly() {
    IOException failure = new IOException("artifact missing");
    IllegalStateException bug = new IllegalStateException("bug in an adapter");
    port.failNextWith(CallOperation.UNLOCK, bug);

    assertThatThrownBy(
            () ->
                service.runLocked(
                    ref,
                    LockWait.failFast(),
                    call -> {
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(failure.getSuppressed()).containsExactly(bug);
  }

  @Test
  void describesDurationsShortly() {
    assertThat(CallService.describe(millis(500))).isEqualTo("500ms");
    assertThat(CallService.describe(seconds(45))).isEqualTo("45s");
    assertThat(CallService.describe(seconds(60))).isEqualTo("1m");
    assertThat(CallService.describe(seconds(90))).isEqualTo("1m30s");
    assertThat(CallService.describe(seconds(3600))).isEqualTo("1h");
    assertThat(CallService.describe(seconds(5430))).isEqualTo("1h30m30s");
  }

  @Test
  void refusesInvalidUnlockRetries() {
    assertThatThrownBy(() -> new UnlockRetry(0, millis(100)))
        .isInstanceOf(io.asmkit.core.domain.InvalidInputException.class)
        .hasMessageContaining("at least 1, not 0");
    assertThatThrownBy(() -> new UnlockRetry(3, millis(-1)))
        .isInstanceOf(io.asmkit.core.domain.InvalidInputException.class)
        .hasMessageContaining("must not be negative");
  }

  @Test
  void doublesTheUnlockPauses() {
    UnlockRetry retry = UnlockRetry.defaults();

    assertThat(List.of(retry.pauseAfter(1), retry.pauseAfter(2), retry.pauseAfter(3)))
        .containsExactly(millis(500), seconds(1), seconds(2));
    assertThat(retry.attempts()).isEqualTo(4);
  }

  @Test
  void capsTheUnlockPausesAtTenSeconds() {
    UnlockRetry retry = new UnlockRetry(20, seconds(1));

    assertThat(retry.pauseAfter(4)).isEqualTo(seconds(8));
    assertThat(retry.pauseAfter(5)).isEqualTo(seconds(10));
    assertThat(retry.pauseAfter(19)).isEqualTo(seconds(10));
  }

  private ServerUnavailableException unavailable() {
    return new ServerUnavailableException(
        "ASM answered 503.", ref, 503, "Service Unavailable", null);
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static Duration millis(long millis) {
    return Duration.ofMillis(millis);
  }
}
