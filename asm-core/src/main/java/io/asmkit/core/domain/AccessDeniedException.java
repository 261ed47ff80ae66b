package io.asmkit.core.domain;

/** The user is authenticated but may not do this. */
public class AccessDeniedException extends AsmException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link AsmException} for the arguments. */
  public AccessDeniedException(
      String message, CallRef callRef, int httpStatus, String serverMessage, Throwable cause) {
    super(message, callRef, httpStatus, serverMessage, cause);
  }
}
