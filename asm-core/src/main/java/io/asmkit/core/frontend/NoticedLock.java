package io.asmkit.core.frontend;

import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.LockSession;
import io.asmkit.core.port.in.LockCallUseCase;
import io.asmkit.core.port.in.LockWait;
import java.util.function.Consumer;

/**
 * Locks a call like {@link LockCallUseCase#lock}, but says once, before waiting, that another user
 * holds the lock, so that a person watching a log knows why nothing happens.
 */
public final class NoticedLock {

  private NoticedLock() {}

  /**
   * Locks the call: one attempt first; if another user holds the lock and {@code wait} allows
   * waiting, tells {@code beforeWaiting} and then waits as {@code wait} says.
   *
   * @throws CallLockedException when the lock cannot be had, as {@link LockCallUseCase#lock}
   */
  public static LockSession lock(
      LockCallUseCase calls,
      CallRef ref,
      LockWait wait,
      Consumer<CallLockedException> beforeWaiting) {
    try {
      return calls.lock(ref, LockWait.failFast());
    } catch (CallLockedException held) {
      if (wait.isFailFast()) {
        throw held;
      }
      beforeWaiting.accept(held);
    }
    return calls.lock(ref, wait);
  }
}
