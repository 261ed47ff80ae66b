package io.asmkit.core.domain;

/**
 * The thread was interrupted (Ctrl-C, a pipeline abort) while waiting; the operation did not
 * happen. The thread's interrupt flag is set again before this is thrown.
 */
public class OperationInterruptedException extends AsmException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link AsmException} for the arguments. */
  public OperationInterruptedException(String message, CallRef callRef, Throwable cause) {
    super(message, callRef, 0, null, cause);
  }
}
