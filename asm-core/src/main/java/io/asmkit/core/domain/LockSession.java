package io.asmkit.core.domain;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The handle of a lock we hold on a call. Closing it unlocks the call exactly once; closing it
 * again does nothing; after a forward, defer or close (which release the lock on the server)
 * closing sends nothing.
 *
 * <pre>{@code
 * try (LockSession lock = service.lock(ref, LockWait.failFast())) {
 *   service.update(ref, update);
 * }
 * }</pre>
 *
 * <p>Safe to close from several threads: only one of them unlocks.
 */
public final class LockSession implements AutoCloseable {

  /** What closing a session does: unlock the call on the server. */
  @FunctionalInterface
  public interface Unlocker {
    /**
     * Unlocks the call.
     *
     * @throws AsmException when the unlock failed
     */
    void unlock(CallRef ref);
  }

  /** Where a session stands. */
  public enum State {
    /** We hold the lock. */
    HELD,
    /** We closed the session and sent the unlock (whether or not it succeeded). */
    UNLOCKED,
    /** A forward, defer or close released the lock on the server. */
    RELEASED_BY_SERVER
  }

  private final CallRef callRef;
  private final Unlocker unlocker;
  private final AtomicReference<State> state = new AtomicReference<>(State.HELD);

  /** Creates the handle of a lock just acquired on {@code callRef}. */
  public LockSession(CallRef callRef, Unlocker unlocker) {
    this.callRef = callRef;
    this.unlocker = unlocker;
  }

  /** The locked call. */
  public CallRef callRef() {
    return callRef;
  }

  /** Where the session stands now. */
  public State state() {
    return state.get();
  }

  /** Whether we still hold the lock. */
  public boolean isHeld() {
    return state.get() == State.HELD;
  }

  /**
   * Records that a forward, defer or close released the lock on the server, so closing sends
   * nothing.
   */
  public void markReleasedByServer() {
    state.compareAndSet(State.HELD, State.RELEASED_BY_SERVER);
  }

  /**
   * Unlocks the call if we still hold it; does nothing otherwise.
   *
   * @throws AsmException when the unlock failed; the session counts as closed all the same
   */
  @Override
  public void close() {
    if (state.compareAndSet(State.HELD, State.UNLOCKED)) {
      unlocker.unlock(callRef);
    }
  }

  @Override
  public String toString() {
    return "LockSession[call " + callRef + ", " + state.get() + "]";
  }
}
