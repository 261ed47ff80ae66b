package io.asmkit.core.service;

import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.LockSession;
import io.asmkit.core.domain.OperationInterruptedException;
import io.asmkit.core.domain.Text;
import io.asmkit.core.domain.UnlockFailedException;
import io.asmkit.core.port.in.GetCallUseCase;
import io.asmkit.core.port.in.LockCallUseCase;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.port.in.LockWaitListener;
import io.asmkit.core.port.in.LockedCall;
import io.asmkit.core.port.in.LockedWork;
import io.asmkit.core.port.in.PerformActionUseCase;
import io.asmkit.core.port.in.RunLockedUseCase;
import io.asmkit.core.port.in.UnlockCallUseCase;
import io.asmkit.core.port.in.UpdateCallUseCase;
import io.asmkit.core.port.out.CallPort;
import java.time.Duration;
import java.util.Objects;

/** The use cases every front end shares, over one {@link CallPort}. Safe for concurrent use. */
public final class CallService
    implements GetCallUseCase,
        LockCallUseCase,
        UpdateCallUseCase,
        UnlockCallUseCase,
        PerformActionUseCase,
        RunLockedUseCase {

  private final CallPort calls;
  private final TimeSource time;
  private final UnlockRetry unlockRetry;
  private final LockWaitListener lockWaitListener;

  /** Creates the service with the real clock and the default unlock retries. */
  public CallService(CallPort calls) {
    this(calls, TimeSource.system(), UnlockRetry.defaults());
  }

  /** Creates the service with the given clock and unlock retries. */
  public CallService(CallPort calls, TimeSource time, UnlockRetry unlockRetry) {
    this(calls, time, unlockRetry, LockWaitListener.none());
  }

  private CallService(
      CallPort calls, TimeSource time, UnlockRetry unlockRetry, LockWaitListener lockWaitListener) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.time = Objects.requireNonNull(time, "time");
    this.unlockRetry = Objects.requireNonNull(unlockRetry, "unlockRetry");
    this.lockWaitListener = Objects.requireNonNull(lockWaitListener, "lockWaitListener");
  }

  /**
   * A service like this one (same port, clock and unlock retries) that tells {@code listener} when
   * {@link #lock} or {@link #runLocked} starts waiting for another user's lock. The listener must
   * be safe to call from any thread that uses the service.
   */
  public CallService withLockWaitListener(LockWaitListener listener) {
    return new CallService(calls, time, unlockRetry, listener);
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
  public void perform(CallRef ref, CallAction action) {
    calls.perform(ref, action);
  }

  @Override
  public LockSession lock(CallRef ref, LockWait wait) {
    long deadline = time.nanoTime() + nanosUpToACentury(wait.timeout());
    int attempt = 0;
    while (true) {
      attempt++;
      try {
        calls.lock(ref);
        return new LockSession(ref, this::unlock);
      } catch (CallLockedException held) {
        if (wait.isFailFast()) {
          throw held;
        }
        if (attempt == 1) {
          lockWaitListener.waiting(ref, held, wait.timeout());
        }
        long remaining = deadline - time.nanoTime();
        if (remaining <= 0) {
          throw stillHeldAfterWaiting(ref, wait, held);
        }
        pause(ref, min(wait.pauseAfter(attempt), Duration.ofNanos(remaining)), held);
      }
    }
  }

  @Override
  public void unlock(CallRef ref) {
    boolean interrupted = Thread.interrupted();
    try {
      unlockWithRetries(ref);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public <T, E extends Exception> T runLocked(CallRef ref, LockWait wait, LockedWork<T, E> work)
      throws E {
    LockSession session = lock(ref, wait);

    T result;
    try {
      result = work.run(new SessionCall(session));
    } catch (Throwable workFailure) {
      closeAfterFailure(session, workFailure);
      throw workFailure;
    }

    session.close();
    return result;
  }

  /** As try-with-resources does: whatever the unlock throws is attached to the work's failure. */
  private void closeAfterFailure(LockSession session, Throwable workFailure) {
    try {
      session.close();
    } catch (Throwable unlockFailure) {
      workFailure.addSuppressed(unlockFailure);
    }
  }

  private void unlockWithRetries(CallRef ref) {
    for (int attempt = 1; ; attempt++) {
      try {
        calls.unlock(ref);
        return;
      } catch (AsmException failure) {
        if (!failure.isRetryable() || attempt >= unlockRetry.attempts()) {
          throw new UnlockFailedException(ref, attempt, failure);
        }
        if (!sleepQuietly(unlockRetry.pauseAfter(attempt))) {
          throw new UnlockFailedException(ref, attempt, failure);
        }
      }
    }
  }

  /** Sleeps; on interruption stops sleeping, keeps the flag, and says so by returning false. */
  private boolean sleepQuietly(Duration pause) {
    try {
      time.sleep(pause);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void pause(CallRef ref, Duration pause, CallLockedException held) {
    try {
      time.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      OperationInterruptedException interrupted =
          new OperationInterruptedException(
              "Stopped waiting for the lock on call " + ref + ": interrupted. It was not locked.",
              ref,
              e);
      interrupted.addSuppressed(held);
      throw interrupted;
    }
  }

  private static CallLockedException stillHeldAfterWaiting(
      CallRef ref, LockWait wait, CallLockedException held) {
    String holder = held.holder().orElse(null);
    String who = holder == null ? "another user" : "'" + holder + "'";
    return new CallLockedException(
        "Call "
            + ref
            + " is still locked by "
            + who
            + " after waiting "
            + describe(wait.timeout())
            + ". Ask its holder to unlock it, or wait longer.",
        ref,
        holder,
        held.httpStatus().orElse(0),
        held.serverMessage().orElse(null),
        held);
  }

  /**
   * The duration in nanoseconds, with anything longer than a century (such as "forever") counted as
   * a century, so that it fits in a long and the deadline arithmetic cannot overflow.
   */
  private static long nanosUpToACentury(Duration duration) {
    Duration century = Duration.ofDays(36_525);
    return min(duration, century).toNanos();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** "90s" → "1m30s": short, for messages (as every front end writes durations). */
  static String describe(Duration duration) {
    return Text.duration(duration);
  }

  /** The view of a locked call handed to work. */
  private final class SessionCall implements LockedCall {

    private final LockSession session;

    SessionCall(LockSession session) {
      this.session = session;
    }

    @Override
    public CallRef callRef() {
      return session.callRef();
    }

    @Override
    public LockSession session() {
      return session;
    }

    @Override
    public Call get() {
      return calls.get(session.callRef());
    }

    @Override
    public void update(CallUpdate update) {
      calls.update(session.callRef(), update);
    }

    @Override
    public void perform(CallAction action) {
      calls.perform(session.callRef(), action);
      session.markReleasedByServer();
    }
  }
}
