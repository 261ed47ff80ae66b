package io.asmkit.core.domain;

/**
 * The server answered with success but not with what ASM's API sends (not JSON, or a field we need
 * missing): most often the base URL leads to another server, such as a proxy's login page.
 * Repeating the request does not help.
 */
public class UnexpectedReplyException extends AsmException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link AsmException} for the arguments. */
  public UnexpectedReplyException(
      String message, CallRef callRef, int httpStatus, String serverMessage, Throwable cause) {
    super(message, callRef, httpStatus, serverMessage, cause);
  }
}
