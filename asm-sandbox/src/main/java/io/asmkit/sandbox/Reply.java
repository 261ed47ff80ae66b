package io.asmkit.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer the sandbox is about to send: status, headers and body, or no reply at all.
 *
 * @param status the HTTP status, or 0 for {@link #noReply()}
 * @param headers extra headers, such as {@code Content-Type}
 * @param body the body, empty for none
 */
record Reply(int status, Map<String, String> headers, byte[] body) {

  private static final Reply NO_REPLY = new Reply(0, Map.of(), new byte[0]);

  Reply {
    headers = Map.copyOf(headers);
  }

  /** A reply without a body, such as 204. */
  static Reply empty(int status) {
    return new Reply(status, Map.of(), new byte[0]);
  }

  /** A reply with a text body of the given content type. */
  static Reply text(int status, String contentType, String body) {
    return new Reply(
        status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  /** The connection is closed without any answer, as a crashed server or a proxy reset would. */
  static Reply noReply() {
    return NO_REPLY;
  }

  /** Whether the connection is to be closed without an answer. */
  boolean isNoReply() {
    return status == 0;
  }

  /** This reply with one more header. */
  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, more, body);
  }
}
