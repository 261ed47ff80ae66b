package io.asmkit.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A failure the sandbox plays instead of (or before) its normal answer: a given status and body, an
 * IIS-like HTML error page, a connection closed without a reply, or a delay.
 *
 * <p>Install one with {@link SandboxFaults#failNext(int, String, String, Fault)}.
 */
public final class Fault {

  private static final Map<Integer, String> REASONS =
      Map.of(
          400, "Bad Request",
          401, "Unauthorized",
          403, "Forbidden",
          404, "Not Found",
          500, "Internal Server Error",
          502, "Bad Gateway",
          503, "Service Unavailable",
          504, "Gateway Timeout");

  private enum Kind {
    REPLY,
    RESET,
    DELAY
  }

  private final Kind kind;
  private final Reply reply;
  private final Duration delay;
  private final String description;

  private Fault(Kind kind, Reply reply, Duration delay, String description) {
    this.kind = kind;
    this.reply = reply;
    this.delay = delay;
    this.description = description;
  }

  /**
   * Answers {@code status} with {@code body}, as JSON when the body starts with <code>{</code> or
   * {@code [}, else as plain text.
   *
   * @throws IllegalArgumentException when the status is not between 200 and 599
   */
  public static Fault status(int status, String body) {
    requireStatus(status);
    Objects.requireNonNull(body, "body");

    String trimmed = body.strip();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    String type = json ? WireFormat.JSON : "text/plain; charset=utf-8";
    Reply reply = body.isEmpty() ? Reply.empty(status) : Reply.text(status, type, body);

    return new Fault(Kind.REPLY, reply, Duration.ZERO, "status " + status);
  }

  /**
   * Answers {@code status} with an HTML error page such as IIS or a proxy in front of ASM sends.
   *
   * @throws IllegalArgumentException when the status is not between 200 and 599
   */
  public static Fault htmlPage(int status) {
    requireStatus(status);

    String title = status + " - " + REASONS.getOrDefault(status, "Error");
    String page =
        "<!DOCTYPE html>\r\n<html><head><meta charset=\"utf-8\"/><title>"
            + title
            + "</title></head>\r\n<body><div id=\"header\"><h1>Server Error</h1></div>\r\n"
            + "<div id=\"content\"><fieldset><h2>"
            + title
            + "</h2><h3>The page cannot be displayed because an error occurred on the server."
            + "</h3></fieldset></div></body></html>\r\n";
    Reply reply =
        Reply.text(status, "text/html; charset=utf-8", page)
            .withHeader("Server", "Microsoft-IIS/10.0");

    return new Fault(Kind.REPLY, reply, Duration.ZERO, "HTML page " + status);
  }

  /** Closes the connection without any reply: the client sees an I/O error. */
  public static Fault reset() {
    return new Fault(Kind.RESET, Reply.noReply(), Duration.ZERO, "reset");
  }

  /**
   * Waits {@code delay}, then answers normally.
   *
   * @throws IllegalArgumentException when the delay is negative
   */
  public static Fault delay(Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("The delay of a fault must be zero or more, not " + delay);
    }
    return new Fault(Kind.DELAY, null, delay, "delay " + delay);
  }

  /**
   * Plays the fault: returns the reply to send instead of the normal one, or {@code null} to go on
   * answering normally (after a delay).
   */
  Reply play() throws InterruptedException {
    if (kind == Kind.DELAY) {
      Thread.sleep(delay.toMillis());
      return null;
    }
    return reply;
  }

  private static void requireStatus(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException(
          "A fault's status must be between 200 and 599, not " + status);
    }
  }

  @Override
  public String toString() {
    return "Fault[" + description + "]";
  }
}
