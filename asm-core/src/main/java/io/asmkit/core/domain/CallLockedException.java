package io.asmkit.core.domain;

import java.util.Optional;

/** The call is locked by another user, whose name is given when the server said it. */
public class CallLockedException extends AsmException {

  private static final long serialVersionUID = 1L;

  private final String holder;

  /**
   * Creates the exception; see {@link AsmException} for the other arguments.
   *
   * @param holder the name of the user holding the lock, or {@code null} when unknown
   */
  public CallLockedException(
      String message,
      CallRef callRef,
      String holder,
      int httpStatus,
      String serverMessage,
      Throwable cause) {
    super(message, callRef, httpStatus, serverMessage, cause);
    this.holder = holder;
  }

  /** Creates the exception with the usual message for a lock held by {@code holder}. */
  public static CallLockedException heldBy(CallRef callRef, String holder) {
    return new CallLockedException(describe(callRef, holder), callRef, holder, 0, null, null);
  }

  /** The standard sentence for a call held by {@code holder} (which may be {@code null}). */
  public static String describe(CallRef callRef, String holder) {
    String who = holder == null ? "another user" : "'" + holder + "'";
    return "Call "
        + callRef
        + " is locked by "
        + who
        + ". Wait for the lock to be released, or ask its holder to unlock the call.";
  }

  /** The name of the user who holds the lock, when the server said it. */
  public Optional<String> holder() {
    return Optional.ofNullable(holder);
  }
}
