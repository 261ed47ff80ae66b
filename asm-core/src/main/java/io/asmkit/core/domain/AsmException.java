package io.asmkit.core.domain;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of every failure the toolkit reports: carries the call, the HTTP status and a short server
 * message where they are known.
 *
 * <p>Messages are meant for people: they say what failed, for which call, and what to do. They
 * never contain a token, a password or a whole reply body.
 */
public abstract class AsmException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final CallRef callRef;
  private final int httpStatus;
  private final String serverMessage;

  /**
   * Creates an exception.
   *
   * @param message what failed and what to do, for a person
   * @param callRef the call concerned, or {@code null} when the failure concerns no single call
   * @param httpStatus the HTTP status of the reply, or 0 when there was no reply
   * @param serverMessage a short, single-line, redacted excerpt of the server's reply, or {@code
   *     null}
   * @param cause the underlying failure, or {@code null}
   */
  protected AsmException(
      String message, CallRef callRef, int httpStatus, String serverMessage, Throwable cause) {
    super(message, cause);
    this.callRef = callRef;
    this.httpStatus = httpStatus;
    this.serverMessage = serverMessage == null ? null : Text.singleLine(serverMessage, 300);
  }

  /** The call this failure concerns, if any. */
  public Optional<CallRef> callRef() {
    return Optional.ofNullable(callRef);
  }

  /** The HTTP status of the reply that caused this failure, if there was a reply. */
  public OptionalInt httpStatus() {
    return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
  }

  /** A short, single-line excerpt of the server's reply, if there was one. */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /** Whether repeating the same request later may succeed. */
  public boolean isRetryable() {
    return false;
  }
}
