package io.asmkit.feign;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP reply, read whole: status, headers (names in any case) and body text.
 *
 * @param status the HTTP status
 * @param headers the headers, looked up without regard to case
 * @param body the body as text, empty when there was none
 */
record Reply(int status, Map<String, Collection<String>> headers, String body) {

  Reply {
    TreeMap<String, Collection<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseless.putAll(headers);
    headers = caseless;
    body = body == null ? "" : body;
  }

  /** Whether the status is 2xx. */
  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The first value of a header, if present. */
  Optional<String> header(String name) {
    Collection<String> values = headers.get(name);
    return values == null || values.isEmpty()
        ? Optional.empty()
        : Optional.of(values.iterator().next());
  }

  /** Leaves the body out: it may hold a token. */
  @Override
  public String toString() {
    return "Reply[" + status + ", " + body.length() + " chars]";
  }
}
