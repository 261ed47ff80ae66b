package io.asmkit.core.domain;

/** The call does not exist on the server, or the user may not see it. */
public class CallNotFoundException extends AsmException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link AsmException} for the arguments. */
  public CallNotFoundException(
      String message, CallRef callRef, int httpStatus, String serverMessage, Throwable cause) {
    super(message, callRef, httpStatus, serverMessage, cause);
  }
}
