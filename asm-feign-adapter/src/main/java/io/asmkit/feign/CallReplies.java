package io.asmkit.feign;

import com.fasterxml.jackson.databind.JsonNode;
import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import java.util.Locale;

/**
 * The one place where the shapes of success replies are read: a call (<b>assumed</b>: the reply to
 * {@code GET call/{ref}} is a JSON object of the call's fields) and a created call's reference
 * (seen in use: an integer {@code Ref}). Unknown fields are kept, never refused; lock, update,
 * unlock, submit and the actions may answer with any body or none, except an HTML page: ASM's API
 * never sends one, so a success reply of type {@code text/html} comes from something else (a single
 * sign-on proxy's login page, say) and did not do what was asked.
 */
final class CallReplies {

  private CallReplies() {}

  /**
   * Refuses a success reply that is an HTML page.
   *
   * @throws io.asmkit.core.domain.UnexpectedReplyException when it is one
   */
  static void requireNotHtml(ErrorMapper errors, RequestInfo request, Reply reply) {
    boolean html =
        reply
            .header("Content-Type")
            .map(type -> type.toLowerCase(Locale.ROOT))
            .orElse("")
            .startsWith("text/html");
    if (html) {
      throw errors.unexpected(request, reply, "ASM's JSON (it sent an HTML page)");
    }
  }

  /** The call in a reply to a get. */
  static Call call(ErrorMapper errors, RequestInfo request, Reply reply) {
    JsonNode node = Json.readOrNull(reply.body());
    if (node == null || !node.isObject()) {
      throw errors.unexpected(request, reply, "the call as a JSON object");
    }
    return new Call(request.ref(), Json.toMap(node));
  }

  /** The reference of the call a create made. */
  static CallRef createdRef(ErrorMapper errors, RequestInfo request, Reply reply) {
    JsonNode node = Json.readOrNull(reply.body());
    JsonNode ref = node == null || !node.isObject() ? null : node.get("Ref");
    if (ref != null && (ref.isIntegralNumber() || ref.isTextual())) {
      try {
        return CallRef.parse(ref.asText());
      } catch (InvalidInputException notARef) {
        // Reported below, as for a missing Ref.
      }
    }
    throw errors.unexpected(
        request,
        reply,
        "the new call's Ref (a call may have been created: look for it in ASM before trying"
            + " again)");
  }
}
