package io.asmkit.feign;

import java.time.Duration;

/**
 * Told of every HTTP exchange {@link AsmClient} makes (API calls and logins alike), for metrics or
 * progress output. It never sees a header or a body, so it cannot leak a token.
 *
 * <p>Called on the thread that made the request, after the reply (or the failure); it should return
 * quickly. Exceptions it throws are logged at debug level and otherwise ignored.
 */
@FunctionalInterface
public interface ExchangeListener {

  /**
   * One exchange happened.
   *
   * @param method the HTTP method, such as {@code PUT}
   * @param path the address's path, such as {@code /production/alemba.api/api/v2/call/1/lock}
   * @param status the reply's HTTP status, or 0 when there was no reply (timeout, reset)
   * @param duration from sending the request to receiving the whole reply, or to the failure
   */
  void onExchange(String method, String path, int status, Duration duration);

  /** A listener that does nothing. */
  static ExchangeListener none() {
    return (method, path, status, duration) -> {};
  }
}
