package io.asmkit.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.LockSession;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.inmemory.InMemoryAsm;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import io.asmkit.core.service.TimeSource;
import io.asmkit.core.service.UnlockRetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticedLockTest {

  private final InMemoryAsm asm = new InMemoryAsm();
  private final CallRef call = asm.addCall(CallStage.OPEN, Map.of("Description", "Deploy"));
  private final List<String> notices = new ArrayList<>();

  @Test
  void locksAFreeCallWithoutANotice() {
    LockSession session =
        NoticedLock.lock(
            service(() -> {}), call, LockWait.upTo(Duration.ofMinutes(1)), this::notice);

    assertThat(session.isHeld()).isTrue();
    assertThat(asm.lockHolder(call)).contains("deployer");
    assertThat(notices).isEmpty();
  }

  @Test
  void tellsOnceBeforeWaitingForAnotherUsersLock() {
    asm.forceLock(call, "jsmith");
    CallService calls = service(() -> asm.unlock("jsmith", call));

    LockSession session =
        NoticedLock.lock(calls, call, LockWait.upTo(Duration.ofMinutes(1)), this::notice);

    assertThat(session.isHeld()).isTrue();
    assertThat(asm.lockHolder(call)).contains("deployer");
    assertThat(notices).containsExactly("jsmith");
  }

  @Test
  void failsAtOnceWithoutANoticeWhenNotWaiting() {
    asm.forceLock(call, "jsmith");

    assertThatThrownBy(
            () -> NoticedLock.lock(service(() -> {}), call, LockWait.failFast(), this::notice))
        .isInstanceOf(CallLockedException.class);
    assertThat(notices).isEmpty();
    assertThat(asm.lockHolder(call)).contains("jsmith");
  }

  private void notice(CallLockedException held) {
    notices.add(held.holder().orElse("?"));
  }

  /** A service whose clock runs {@code whileSleeping} at each pause instead of sleeping. */
  private CallService service(Runnable whileSleeping) {
    TimeSource time =
        new TimeSource() {
          private long now;

          @Override
          public long nanoTime() {
            return now;
          }

          @Override
          public void sleep(Duration duration) {
            now += duration.toNanos();
            whileSleeping.run();
          }
        };
    return new CallService(asm.portFor("deployer"), time, UnlockRetry.defaults());
  }
}
