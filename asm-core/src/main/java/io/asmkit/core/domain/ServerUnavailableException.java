package io.asmkit.core.domain;

/**
 * The server could not be reached or answered that it cannot serve now (5xx, 429, timeouts, refused
 * or reset connections). Repeating the request later may succeed.
 */
public class ServerUnavailableException extends AsmException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link AsmException} for the arguments. */
  public ServerUnavailableException(
      String message, CallRef callRef, int httpStatus, String serverMessage, Throwable cause) {
    super(message, callRef, httpStatus, serverMessage, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
