package io.asmkit.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.asmkit.core.domain.ActionNotAllowedException;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallNotFoundException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.RequestRejectedException;
import io.asmkit.core.inmemory.CallStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of ASM's HTTP API as the sandbox serves them, all in this one class: addresses, status
 * codes, reply bodies, the body of forward/defer/close, and the fields and {@code _actions} of a
 * call.
 *
 * <p>Only the addresses, the {@code Authorization: Bearer} header, the lock/update/unlock verbs and
 * the field names {@code Description}, {@code DescriptionHtml} and {@code CallStatus} are
 * documented by Alemba. Everything marked <b>ASSUMED</b> below is our inference (see the project's
 * notes on the ASM API, {@code asm-api.md}, sections "Calls" and "Errors", and {@code
 * docs/sandbox.md}, "Assumed shapes"). When a real system shows otherwise, correct it here and in
 * the adapter together.
 */
final class WireFormat {

  // --- addresses (documented, except the sandbox's system name)

  /** The system name under which the sandbox serves: {@code http://127.0.0.1:PORT/sandbox}. */
  static final String SYSTEM_PATH = "/sandbox";

  /** The REST API root, documented as {@code {base}/alemba.api/api/v2/}. */
  static final String API_ROOT = SYSTEM_PATH + "/alemba.api/api/v2/";

  /** The OAuth login address, documented as {@code {base}/alemba.web/oauth/login}. */
  static final String LOGIN_PATH = SYSTEM_PATH + "/alemba.web/oauth/login";

  /** ASSUMED: the address of the list of status titles (sandbox-only; not known for ASM). */
  static final String STATUS_LIST = "call-status";

  // --- content types

  static final String JSON = "application/json; charset=utf-8";
  static final String FORM = "application/x-www-form-urlencoded";

  // --- status codes

  /** ASSUMED: a lock held by another user. The adapter also accepts 423 and "locked by" texts. */
  static final int LOCKED_BY_OTHER = 409;

  /** ASSUMED: an action the call's state forbids (Open and not locked by you, Closed, …). */
  static final int NOT_ALLOWED = 422;

  /** ASSUMED (IIS/ASP.NET default): a validation failure, with {@code ModelState}. */
  static final int REJECTED = 400;

  /** ASSUMED: create answers 201; lock, unlock, submit, forward, defer and close answer 204. */
  static final int CREATED = 201;

  static final int NO_CONTENT = 204;

  // --- login form fields (seen in use; refresh and client_secret ASSUMED standard OAuth 2.0)

  static final String GRANT_TYPE = "grant_type";
  static final String CLIENT_ID = "client_id";
  static final String CLIENT_SECRET = "client_secret";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String SCOPE = "scope";
  static final String REFRESH_TOKEN = "refresh_token";

  /** Scopes the sandbox accepts; a missing scope is accepted too (ASSUMED lenient). */
  static final List<String> SCOPES = List.of("session-type:Analyst", "session-type:User");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final Pattern FIELD_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*\\b");

  private WireFormat() {}

  /** The shared JSON mapper: floats as BigDecimal, no trailing tokens, no duplicate keys. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  // --- successful replies

  /**
   * ASSUMED: {@code GET call/{ref}} and the reply to {@code PUT call/{ref}}: the call's fields
   * (with {@code Ref} first) and {@code _actions}.
   */
  static Reply call(Map<String, Object> fields, Map<String, Object> actions) {
    Map<String, Object> body = new LinkedHashMap<>(fields);
    body.put("_actions", actions);
    return json(200, body);
  }

  /** Seen in use: the reply to {@code POST call} carries {@code Ref} and {@code _actions}. */
  static Reply created(CallRef ref, Map<String, Object> actions) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Ref", ref.value());
    body.put("_actions", actions);
    return json(CREATED, body).withHeader("Location", API_ROOT + "call/" + ref);
  }

  /**
   * ASSUMED: links for the actions {@code user} may take now on a call; names as in the path, href
   * as seen in use ({@code api:v2/call/{ref}/lock}). A hint only: the model stays the authority.
   */
  static Map<String, Object> actions(CallRef ref, CallStage stage, String holder, String user) {
    Map<String, Object> actions = new LinkedHashMap<>();
    if (stage == CallStage.CLOSED) {
      return actions;
    }
    boolean free = holder == null;
    boolean mine = user.equals(holder);
    if (free || mine) {
      actions.put("lock", link(ref, "/lock"));
    }
    if (mine) {
      actions.put("unlock", link(ref, "/unlock"));
    }
    if (stage == CallStage.NEW ? free || mine : mine) {
      actions.put("update", link(ref, ""));
    }
    if (stage == CallStage.NEW) {
      actions.put("submit", link(ref, "/submit"));
    }
    if (free || mine) {
      actions.put("forward", link(ref, "/forward"));
      actions.put("defer", link(ref, "/defer"));
      actions.put("close", link(ref, "/close"));
    }
    return actions;
  }

  private static Map<String, String> link(CallRef ref, String suffix) {
    return Map.of("href", "api:v2/call/" + ref + suffix);
  }

  /** ASSUMED (sandbox-only): the status titles as {@code [{"Ref":1,"Title":"Logged"}, …]}. */
  static Reply statusTitles(Map<Integer, String> titles) {
    List<Map<String, Object>> list = new ArrayList<>();
    titles.forEach((ref, title) -> list.add(Map.of("Ref", ref, "Title", title)));
    return json(200, list);
  }

  /**
   * ASSUMED: forward, defer and close take their parameters as a plain JSON object; the wrapped
   * form {@code {"action": {…}}} is accepted too. Returns the parameters.
   */
  static Map<String, Object> actionParameters(Map<String, Object> body) {
    if (body.size() == 1 && body.get("action") instanceof Map<?, ?> wrapped) {
      Map<String, Object> parameters = new LinkedHashMap<>();
      wrapped.forEach((name, value) -> parameters.put(String.valueOf(name), value));
      return parameters;
    }
    return body;
  }

  /** Standard OAuth 2.0 token reply (ASSUMED names except {@code access_token}). */
  static Reply tokens(String accessToken, String refreshToken, long expiresInSeconds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", accessToken);
    body.put("token_type", "bearer");
    body.put("expires_in", expiresInSeconds);
    body.put("refresh_token", refreshToken);
    return json(200, body).withHeader("Cache-Control", "no-store");
  }

  // --- failures

  /** Standard OAuth 2.0 error: 400 {@code invalid_grant}, 401 {@code invalid_client}, … */
  static Reply oauthError(int status, String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return json(status, body).withHeader("Cache-Control", "no-store");
  }

  /** ASSUMED (ASP.NET default): a missing, unknown or expired bearer token. */
  static Reply unauthorized() {
    return message(401, "Authorization has been denied for this request.")
        .withHeader("WWW-Authenticate", "Bearer");
  }

  /** ASSUMED: an address the API does not have; never echoes the address (it may hold secrets). */
  static Reply noResource() {
    return message(404, "No HTTP resource was found that matches the request URI.");
  }

  /** ASSUMED (ASP.NET default): a known address used with the wrong method. */
  static Reply methodNotAllowed(String method, String allowed) {
    return message(405, "The requested resource does not support http method '" + method + "'.")
        .withHeader("Allow", allowed);
  }

  /**
   * ASSUMED (ASP.NET Web API default): a body sent without a JSON content type is refused with 415.
   * Bodies are read by update, create, forward, defer and close; lock, unlock and submit ignore
   * theirs.
   */
  static Reply unsupportedMediaType(String contentType) {
    String type = contentType.replaceAll(";.*", "").strip();
    type = type.isEmpty() ? "(none)" : type.substring(0, Math.min(type.length(), 60));
    return message(
        415,
        "The request entity's media type '"
            + type
            + "' is not supported for this resource: send JSON as application/json.");
  }

  /** A request body above the sandbox's limit. */
  static Reply tooLarge(int limit) {
    return message(413, "The request body is larger than " + limit + " bytes.");
  }

  /** ASSUMED: a body that is not a JSON object, answered as a validation failure. */
  static Reply badBody(String problem) {
    return rejected(Map.of("request", List.of(problem)));
  }

  /** A failure of the sandbox itself; says nothing about the request. */
  static Reply internalError() {
    return message(500, "An error has occurred.");
  }

  /**
   * Maps a domain exception thrown by the model to the reply ASM is assumed to give.
   *
   * <ul>
   *   <li>{@link CallNotFoundException}: 404 {@code Call N was not found.}
   *   <li>{@link CallLockedException}: 409 {@code Call N is locked by HOLDER.}
   *   <li>{@link ActionNotAllowedException}: 422 with the model's sentence.
   *   <li>{@link RequestRejectedException}, {@link InvalidInputException}: 400 with {@code
   *       ModelState}, keyed by the first sent field the message names.
   * </ul>
   *
   * @param sent the fields of the request, used to key {@code ModelState}
   */
  static Reply failure(AsmException e, Map<String, ?> sent) {
    String call = e.callRef().map(ref -> "Call " + ref).orElse("The call");
    if (e instanceof CallNotFoundException) {
      return message(404, call + " was not found.");
    }
    if (e instanceof CallLockedException locked) {
      String holder = locked.holder().orElse("another user");
      return message(LOCKED_BY_OTHER, call + " is locked by " + holder + ".");
    }
    if (e instanceof ActionNotAllowedException) {
      return message(NOT_ALLOWED, e.getMessage());
    }
    if (e instanceof RequestRejectedException || e instanceof InvalidInputException) {
      String problem = e.getMessage().replaceFirst("^The request is invalid: ", "");
      return rejected(Map.of(modelStateKey(problem, sent), List.of(problem)));
    }
    return internalError();
  }

  /** ASSUMED (ASP.NET default): 400 {@code {"Message":"The request is invalid.","ModelState"}}. */
  static Reply rejected(Map<String, List<String>> modelState) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Message", "The request is invalid.");
    body.put("ModelState", modelState);
    return json(REJECTED, body);
  }

  private static String modelStateKey(String problem, Map<String, ?> sent) {
    Matcher words = FIELD_NAME.matcher(problem);
    while (words.find()) {
      if (sent.containsKey(words.group())) {
        return words.group();
      }
    }
    return "request";
  }

  /** ASSUMED (ASP.NET default): every error body is {@code {"Message":"…"}}. */
  static Reply message(int status, String message) {
    return json(status, Map.of("Message", message));
  }

  /** A JSON reply. */
  static Reply json(int status, Object body) {
    try {
      return Reply.text(status, JSON, MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a JSON body that must be an object.
   *
   * @throws BodyException saying what is wrong, without echoing the body
   */
  static Map<String, Object> readObject(String body) {
    if (body.isBlank()) {
      throw new BodyException("The request body is empty: send the fields as a JSON object.");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new BodyException("The request body is not valid JSON: send a JSON object.");
    }
    if (!node.isObject()) {
      throw new BodyException(
          "The request body is a JSON "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + ": send a"
              + " JSON object of fields.");
    }
    return toMap(node);
  }

  /**
   * Converts a JSON object to a map of plain Java values: objects as maps, arrays as lists, whole
   * numbers as Integer, Long or BigInteger, other numbers as BigDecimal with their scale kept.
   */
  static Map<String, Object> toMap(JsonNode object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.properties().forEach(field -> map.put(field.getKey(), toValue(field.getValue())));
    return map;
  }

  private static Object toValue(JsonNode node) {
    if (node.isObject()) {
      return toMap(node);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(element -> list.add(toValue(element)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.numberValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNull()) {
      return null;
    }
    return node.asText();
  }

  /** A request body that cannot be read as the operation needs; answered with 400. */
  static final class BodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BodyException(String message) {
      super(message, null, false, false);
    }
  }
}
