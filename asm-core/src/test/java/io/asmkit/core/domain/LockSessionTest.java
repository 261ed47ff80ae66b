package io.asmkit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lock handle: one unlock at most, none after the server released the lock. */
class LockSessionTest {

  private static final CallRef REF = CallRef.of(1234);

  private final List<CallRef> unlocked = new CopyOnWriteArrayList<>();

  @Test
  void isHeldWhenCreated() {
    LockSession session = new LockSession(REF, unlocked::add);

    assertThat(session.isHeld()).isTrue();
    assertThat(session.state()).isEqualTo(LockSession.State.HELD);
    assertThat(session.callRef()).isEqualTo(REF);
    assertThat(unlocked).isEmpty();
  }

  @Test
  void unlocksTheCallWhenClosed() {
    LockSession session = new LockSession(REF, unlocked::add);

    session.close();

    assertThat(unlocked).containsExactly(REF);
    assertThat(session.state()).isEqualTo(LockSession.State.UNLOCKED);
    assertThat(session.isHeld()).isFalse();
  }

  @Test
  void doesNothingWhenClosedAgain() {
    LockSession session = new LockSession(REF, unlocked::add);
    session.close();

    session.close();
    session.close();

    assertThat(unlocked).containsExactly(REF);
    assertThat(session.state()).isEqualTo(LockSession.State.UNLOCKED);
  }

  @Test
  void sendsNothingWhenClosedAfterTheServerReleasedTheLock() {
    LockSession session = new LockSession(REF, unlocked::add);

    session.markReleasedByServer();
    session.close();

    assertThat(unlocked).isEmpty();
    assertThat(session.state()).isEqualTo(LockSession.State.RELEASED_BY_SERVER);
    assertThat(session.isHeld()).isFalse();
  }

  @Test
  void staysUnlockedWhenMarkedReleasedAfterClosing() {
    LockSession session = new LockSession(REF, unlocked::add);
    session.close();

    session.markReleasedByServer();

    assertThat(session.state()).isEqualTo(LockSession.State.UNLOCKED);
    assertThat(unlocked).containsExactly(REF);
  }

  @Test
  void unlocksAtTheEndOfATryWithResourcesBlock() {
    try (LockSession session = new LockSession(REF, unlocked::add)) {
      assertThat(session.isHeld()).isTrue();
      assertThat(unlocked).isEmpty();
    }

    assertThat(unlocked).containsExactly(REF);
  }

  @Test
  void unlocksWhenATryWithResourcesBlockFails() {
    assertThatThrownBy(
            () -> {
              try (LockSession ignored = new LockSession(REF, unlocked::add)) {
                throw new IllegalStateException("work failed");
              }
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("work failed");

    assertThat(unlocked).containsExactly(REF);
  }

  @Test
  void propagatesAFailedUnlockButCountsAsClosed() {
    AtomicInteger attempts = new AtomicInteger();
    ServerUnavailableException down =
        new ServerUnavailableException("ASM is down", REF, 503, null, null);
    LockSession session =
        new LockSession(
            REF,
            ref -> {
              attempts.incrementAndGet();
              throw down;
            });

    assertThatThrownBy(session::close).isSameAs(down);
    session.close();

    assertThat(attempts).hasValue(1);
    assertThat(session.state()).isEqualTo(LockSession.State.UNLOCKED);
  }

  @Test
  void unlocksOnceWhenManyThreadsCloseAtOnce() throws Exception {
    AtomicInteger unlocks = new AtomicInteger();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 50; round++) {
        LockSession session = new LockSession(REF, ref -> unlocks.incrementAndGet());
        CountDownLatch roundReady = new CountDownLatch(threads);
        CountDownLatch roundGo = new CountDownLatch(1);
        List<Future<?>> closes = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
          closes.add(
              pool.submit(
                  () -> {
                    roundReady.countDown();
                    roundGo.await(5, TimeUnit.SECONDS);
                    session.close();
                    return null;
                  }));
        }

        assertThat(roundReady.await(5, TimeUnit.SECONDS)).isTrue();
        roundGo.countDown();
        for (Future<?> close : closes) {
          close.get(5, TimeUnit.SECONDS);
        }

        assertThat(unlocks).hasValue(round + 1);
        assertThat(session.state()).isEqualTo(LockSession.State.UNLOCKED);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void namesTheCallAndStateInItsDescription() {
    LockSession session = new LockSession(REF, unlocked::add);

    assertThat(session).hasToString("LockSession[call 1234, HELD]");
  }
}
