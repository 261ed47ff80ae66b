package io.asmkit.cli;

import java.time.Duration;

/**
 * Receives one line's worth of facts per HTTP exchange, for {@code --verbose}: never headers or
 * bodies.
 */
@FunctionalInterface
interface ExchangeLog {

  /** Ignores every exchange. */
  ExchangeLog NONE = (method, path, status, elapsed) -> {};

  /**
   * Called once an exchange is over.
   *
   * @param method the HTTP method
   * @param path the request path, without query
   * @param status the reply's status, or 0 when there was no reply
   * @param elapsed how long the exchange took
   */
  void exchange(String method, String path, int status, Duration elapsed);
}
