package io.asmkit.cli;

import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.port.out.CallPort;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A call port that says once, on stderr, that it is waiting for a lock held by someone else, so
 * that a person watching {@code --wait} knows why nothing happens. Everything else passes through.
 */
final class WaitNotice implements CallPort {

  private final CallPort calls;
  private final LockWait wait;
  private final Console console;
  private final AtomicBoolean told = new AtomicBoolean();

  private WaitNotice(CallPort calls, LockWait wait, Console console) {
    this.calls = calls;
    this.wait = wait;
    this.console = console;
  }

  /** {@code calls} itself when {@code wait} fails fast, else {@code calls} with the notice. */
  static CallPort around(CallPort calls, LockWait wait, Console console) {
    return wait.isFailFast() ? calls : new WaitNotice(calls, wait, console);
  }

  @Override
  public void lock(CallRef ref) {
    try {
      calls.lock(ref);
    } catch (CallLockedException held) {
      if (told.compareAndSet(false, true)) {
        console.note(
            "asm: call "
                + ref
                + " is locked by "
                + held.holder().map(holder -> "'" + holder + "'").orElse("another user")
                + "; waiting up to "
                + Durations.describe(wait.timeout())
                + " for it.");
      }
      throw held;
    }
  }

  @Override
  public Call get(CallRef ref) {
    return calls.get(ref);
  }

  @Override
  public void update(CallRef ref, CallUpdate update) {
    calls.update(ref, update);
  }

  @Override
  public void unlock(CallRef ref) {
    calls.unlock(ref);
  }

  @Override
  public void perform(CallRef ref, CallAction action) {
    calls.perform(ref, action);
  }

  @Override
  public CallRef create(CallUpdate fields) {
    return calls.create(fields);
  }

  @Override
  public void submit(CallRef ref) {
    calls.submit(ref);
  }
}
