package io.asmkit.core.domain;

/**
 * We could not unlock a call we had locked, even after retrying: the call may still be locked. The
 * message names the call and says how to unlock it; the cause is the last failure.
 */
public class UnlockFailedException extends AsmException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code callRef}, after {@code attempts} tries ending in {@code last}.
   */
  public UnlockFailedException(CallRef callRef, int attempts, AsmException last) {
    super(
        "Call "
            + callRef
            + " may still be locked: unlocking it failed after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + ". "
            + whatToDo(callRef, last)
            + " Last error: "
            + last.getMessage(),
        callRef,
        last.httpStatus().orElse(0),
        last.serverMessage().orElse(null),
        last);
  }

  /** The advice that fits why the unlock failed. */
  private static String whatToDo(CallRef callRef, AsmException last) {
    String unlockCommand = "(for example 'asm unlock " + callRef + "')";
    if (last.isRetryable()) {
      return "Unlock it once ASM answers again " + unlockCommand + ".";
    }
    if (last instanceof CallLockedException locked) {
      return "Another user holds its lock now"
          + locked.holder().map(holder -> " ('" + holder + "')").orElse("")
          + ": ask them whether it should stay locked.";
    }
    if (last instanceof AuthenticationException || last instanceof AccessDeniedException) {
      return "Unlock it in ASM, or "
          + unlockCommand.substring(1, unlockCommand.length() - 1)
          + " with credentials that may unlock it.";
    }
    return "Check the call in ASM and unlock it there or " + unlockCommand + ".";
  }

  /**
   * No: the work before the unlock is done, so repeating the whole operation is not repeating "the
   * same request". Whether unlocking alone may succeed later is what {@code
   * lastFailure().isRetryable()} says.
   */
  @Override
  public boolean isRetryable() {
    return false;
  }

  /** The last failure, whose type says why the unlock failed. */
  public AsmException lastFailure() {
    return (AsmException) getCause();
  }
}
