package io.asmkit.core.domain;

/** Input was refused on our side, before any request was sent. */
public class InvalidInputException extends AsmException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link AsmException} for the arguments. */
  public InvalidInputException(
      String message, CallRef callRef, int httpStatus, String serverMessage, Throwable cause) {
    super(message, callRef, httpStatus, serverMessage, cause);
  }

  /** Creates the exception for input that concerns no call. */
  public InvalidInputException(String message) {
    this(message, null, 0, null, null);
  }

  /** Creates the exception for input that concerns one call. */
  public InvalidInputException(String message, CallRef callRef) {
    this(message, callRef, 0, null, null);
  }
}
