package io.asmkit.core.domain;

/**
 * The server refused an action because of the call's state, such as updating an Open call that is
 * not locked by us.
 */
public class ActionNotAllowedException extends AsmException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link AsmException} for the arguments. */
  public ActionNotAllowedException(
      String message, CallRef callRef, int httpStatus, String serverMessage, Throwable cause) {
    super(message, callRef, httpStatus, serverMessage, cause);
  }
}
