package io.asmkit.core.port.out;

import io.asmkit.core.domain.AccessDeniedException;
import io.asmkit.core.domain.ActionNotAllowedException;
import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallNotFoundException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.RequestRejectedException;
import io.asmkit.core.domain.ServerUnavailableException;

/**
 * Driven port: the operations on ASM calls, as one user of one ASM system.
 *
 * <p>Every method may throw, besides what it lists:
 *
 * <ul>
 *   <li>{@link AuthenticationException}: the credentials or token were refused (after one fresh
 *       token was tried);
 *   <li>{@link AccessDeniedException}: the user may not do this;
 *   <li>{@link RequestRejectedException}: the server rejected the request and said why;
 *   <li>{@link ServerUnavailableException}: the server could not be reached or could not serve
 *       (5xx, timeout, reset) after the implementation's own retries; trying later may succeed.
 * </ul>
 *
 * <p>Implementations are safe for use by several threads at once.
 */
public interface CallPort {

  /**
   * Reads a call.
   *
   * @throws CallNotFoundException when there is no such call
   */
  Call get(CallRef ref);

  /**
   * Locks a call for the current user. Locking a call the current user already holds succeeds.
   *
   * @throws CallNotFoundException when there is no such call
   * @throws CallLockedException when another user holds the lock
   * @throws ActionNotAllowedException when the call cannot be locked in its state (closed)
   */
  void lock(CallRef ref);

  /**
   * Changes fields of a call. Allowed when the call is New, or Open and locked by the current user.
   *
   * @throws CallNotFoundException when there is no such call
   * @throws CallLockedException when another user holds the lock
   * @throws ActionNotAllowedException when the call is Open but not locked by the current user, or
   *     closed
   */
  void update(CallRef ref, CallUpdate update);

  /**
   * Unlocks a call held by the current user. Unlocking a call that nobody holds succeeds.
   *
   * @throws CallNotFoundException when there is no such call
   * @throws CallLockedException when another user holds the lock
   */
  void unlock(CallRef ref);

  /**
   * Forwards, defers or closes a call; the server releases the lock by itself.
   *
   * @throws CallNotFoundException when there is no such call
   * @throws CallLockedException when another user holds the lock
   * @throws ActionNotAllowedException when the action is not allowed in the call's state
   */
  void perform(CallRef ref, CallAction action);

  /**
   * Creates a call, which stays New until {@linkplain #submit submitted}.
   *
   * @return the new call's reference
   */
  CallRef create(CallUpdate fields);

  /**
   * Submits a New call, which makes it Open.
   *
   * @throws CallNotFoundException when there is no such call
   * @throws ActionNotAllowedException when the call is not New
   */
  void submit(CallRef ref);
}
