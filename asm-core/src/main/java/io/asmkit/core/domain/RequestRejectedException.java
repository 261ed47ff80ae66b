package io.asmkit.core.domain;

/** The server rejected the request as invalid, and said why in its message. */
public class RequestRejectedException extends AsmException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link AsmException} for the arguments. */
  public RequestRejectedException(
      String message, CallRef callRef, int httpStatus, String serverMessage, Throwable cause) {
    super(message, callRef, httpStatus, serverMessage, cause);
  }
}
