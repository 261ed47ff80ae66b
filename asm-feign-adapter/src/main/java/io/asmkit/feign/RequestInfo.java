package io.asmkit.feign;

import io.asmkit.core.domain.CallOperation;
import io.asmkit.core.domain.CallRef;

/**
 * What a request was for, as messages name it: the purpose in words ("lock call 1234"), the method
 * and path, and the call when there is one.
 *
 * @param purpose what the request does, as a verb phrase
 * @param method the HTTP method
 * @param path the address's path, without host or query
 * @param ref the call concerned, or {@code null}
 */
record RequestInfo(String purpose, String method, String path, CallRef ref) {

  /** Describes an API request for {@code operation} on {@code ref}. */
  static RequestInfo of(CallOperation operation, CallRef ref, PlannedRequest planned) {
    return new RequestInfo(purpose(operation, ref), planned.method(), planned.path(), ref);
  }

  /** {@code PUT /production/alemba.api/api/v2/call/1234/lock}. */
  String line() {
    return method + " " + path;
  }

  private static String purpose(CallOperation operation, CallRef ref) {
    String call = "call " + ref;
    return switch (operation) {
      case GET -> "read " + call;
      case LOCK -> "lock " + call;
      case UPDATE -> "update " + call;
      case UNLOCK -> "unlock " + call;
      case FORWARD -> "forward " + call;
      case DEFER -> "defer " + call;
      case CLOSE -> "close " + call;
      case CREATE -> "create a call";
      case SUBMIT -> "submit " + call;
    };
  }
}
