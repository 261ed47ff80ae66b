package io.asmkit.feign;

import com.fasterxml.jackson.databind.JsonNode;
import io.asmkit.core.domain.AccessDeniedException;
import io.asmkit.core.domain.ActionNotAllowedException;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallNotFoundException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.RequestRejectedException;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.domain.Text;
import io.asmkit.core.domain.UnexpectedReplyException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one place where replies and transport failures become the core's exceptions, and where the
 * shape of error bodies is assumed.
 *
 * <p><b>Assumed error bodies</b> (ASM documents none): ASP.NET's {@code {"Message": "…"}},
 * sometimes with {@code "ModelState": {"Field": ["…"]}}; OAuth's {@code {"error": "…",
 * "error_description": "…"}} from the login address; HTML pages from IIS and proxies.
 *
 * <p><b>Classification</b>, status first, then the message text:
 *
 * <ol>
 *   <li>409 and 423: the call is locked by another user (ASM does not document the status of a
 *       refused lock);
 *   <li>a message saying "not locked by you" or "is closed": the action is not allowed now;
 *   <li>any other 4xx whose message says "locked by": locked by another user, whose name is taken
 *       from "locked by NAME" up to the end of the sentence;
 *   <li>400: rejected as invalid (with the ModelState messages); 401: authentication; 403: access
 *       denied; 404: not found; 408, 429 and 5xx: server unavailable; 422: not allowed; other:
 *       rejected.
 * </ol>
 *
 * <p>Every message names what was attempted, the method, the path, the status, the call and a
 * single-line, redacted excerpt of the reply of at most 300 characters. Request bodies are never
 * echoed.
 */
final class ErrorMapper {

  static final int EXCERPT_LENGTH = 300;

  private static final Pattern HOLDER =
      Pattern.compile("(?i)\\blocked by\\s+(.+?)(?:\\.(?=\\s|$)|[;!?]|$)");
  private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

  private final Redactor redactor;

  ErrorMapper(Redactor redactor) {
    this.redactor = redactor;
  }

  /** Maps a non-success reply to an API request. */
  AsmException fromReply(RequestInfo request, Reply reply) {
    ErrorBody body = ErrorBody.parse(reply.body());
    String message = body.message().toLowerCase(Locale.ROOT);
    int status = reply.status();
    CallRef ref = request.ref();

    if (status == 409 || status == 423) {
      return locked(request, reply, body);
    }
    if (status >= 400 && status < 500 && status != 401) {
      if (message.contains("not locked by you") || message.contains("is closed")) {
        return notAllowed(request, reply);
      }
      if (message.contains("locked by")) {
        return locked(request, reply, body);
      }
    }

    String excerpt = excerpt(reply);
    String context = context(request, reply, excerpt);
    if (status == 400) {
      return new RequestRejectedException(
          "ASM rejected the request to " + request.purpose() + " as invalid" + context,
          ref,
          status,
          excerpt,
          null);
    }
    if (status == 401) {
      return tokenRefused(request, reply, null);
    }
    if (status == 403) {
      return new AccessDeniedException(
          "The ASM user may not "
              + request.purpose()
              + ": ask an ASM administrator for the rights"
              + context,
          ref,
          status,
          excerpt,
          null);
    }
    if (status == 404) {
      return notFound(request, reply, body, excerpt);
    }
    if (status == 422) {
      return notAllowed(request, reply);
    }
    if (status == 408 || status == 429 || status >= 500) {
      return unavailable(request, reply, excerpt);
    }
    if (status >= 300 && status < 400) {
      return new RequestRejectedException(
          "ASM answered the request to "
              + request.purpose()
              + " with a redirect"
              + reply
                  .header("Location")
                  .map(l -> " to " + Text.singleLine(redactor.redact(l), 200))
                  .orElse("")
              + ": check the base URL (https, host and system name)"
              + context,
          ref,
          status,
          excerpt,
          null);
    }
    return new RequestRejectedException(
        "ASM refused to " + request.purpose() + context, ref, status, excerpt, null);
  }

  /** The token was refused even after a fresh one was tried (or none could be had). */
  AuthenticationException tokenRefused(RequestInfo request, Reply reply, AsmException cause) {
    String excerpt = excerpt(reply);
    return new AuthenticationException(
        "ASM refused the access token to "
            + request.purpose()
            + (cause == null ? " even after a fresh one was tried" : "")
            + ": check that the bearer token is current, or the user name, password and client"
            + " id of the login"
            + context(request, reply, excerpt),
        request.ref(),
        reply.status(),
        excerpt,
        cause);
  }

  /** A success reply whose body is not what ASM sends. */
  UnexpectedReplyException unexpected(RequestInfo request, Reply reply, String expected) {
    String excerpt = excerpt(reply);
    return new UnexpectedReplyException(
        "ASM answered the request to "
            + request.purpose()
            + " without "
            + expected
            + ": check that the base URL leads to ASM itself"
            + context(request, reply, excerpt),
        request.ref(),
        reply.status(),
        excerpt,
        null);
  }

  /**
   * Maps a request that got no reply. Timeouts and broken connections may pass; a TLS failure
   * usually does not.
   */
  ServerUnavailableException fromFailure(
      RequestInfo request, IOException failure, Duration readTimeout) {
    String reason = redactor.redact(reasonOf(failure));
    String what;
    if (failure instanceof HttpConnectTimeoutException) {
      what =
          "Could not connect to ASM to "
              + request.purpose()
              + ": "
              + request.line()
              + " got no connection within the connect timeout. Check the address, the network"
              + " and the proxy.";
    } else if (failure instanceof HttpTimeoutException) {
      what =
          "ASM did not answer in time to "
              + request.purpose()
              + ": "
              + request.line()
              + " timed out after "
              + describe(readTimeout)
              + " (the read timeout). Try again later, or raise the read timeout.";
    } else if (failure instanceof ConnectException) {
      what =
          "Could not connect to ASM to "
              + request.purpose()
              + ": "
              + request.line()
              + " failed ("
              + reason
              + "). Check the address, the network and the proxy.";
    } else if (failure instanceof SSLException) {
      what =
          "The secure connection to ASM failed for "
              + request.line()
              + " ("
              + reason
              + "). If your company signs its servers' certificates with its own authority,"
              + " give that certificate as the trust store.";
    } else {
      what =
          "The connection to ASM broke while trying to "
              + request.purpose()
              + ": "
              + request.line()
              + " failed ("
              + failure.getClass().getSimpleName()
              + ": "
              + reason
              + "). Try again later.";
    }
    return new ServerUnavailableException(what, request.ref(), 0, null, failure);
  }

  /**
   * The first message along the cause chain, or the failure's type: the JDK's HTTP client throws a
   * refused connection as a {@code ConnectException} without a message of its own.
   */
  private static String reasonOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return failure.getClass().getSimpleName();
  }

  /** The login or refresh was refused (bad password, unknown client, used refresh token). */
  AuthenticationException loginRefused(
      RequestInfo request, Reply reply, String username, String clientId) {
    String excerpt = excerpt(reply);
    return new AuthenticationException(
        "ASM refused the login of user '"
            + username
            + "' with API client id '"
            + clientId
            + "': check the user name, the password and the client id (and the client secret, if"
            + " the API client has one)"
            + context(request, reply, excerpt),
        null,
        reply.status(),
        excerpt,
        null);
  }

  /** The login address answered with something other than a token or a refusal. */
  AsmException loginFailed(RequestInfo request, Reply reply) {
    String excerpt = excerpt(reply);
    if (reply.status() == 408 || reply.status() == 429 || reply.status() >= 500) {
      return unavailable(request, reply, excerpt);
    }
    return new AuthenticationException(
        "The ASM login did not yield a token: check that the base URL leads to ASM and that"
            + " password logins are allowed for the API client"
            + context(request, reply, excerpt),
        null,
        reply.status(),
        excerpt,
        null);
  }

  /** A short, single-line, redacted excerpt of the reply, for messages. */
  String excerpt(Reply reply) {
    ErrorBody body = ErrorBody.parse(reply.body());
    String text;
    if (!body.message().isEmpty()) {
      text = body.message();
      if (!body.details().isEmpty()) {
        text += " " + String.join("; ", body.details());
      }
    } else if (body.htmlTitle() != null) {
      text = "an HTML page: " + body.htmlTitle();
    } else if (looksLikeHtml(reply.body())) {
      text = "an HTML page: " + TAG.matcher(reply.body()).replaceAll(" ");
    } else {
      text = reply.body();
    }
    return Text.singleLine(
        redactor.redact(Text.singleLine(text, 4 * EXCERPT_LENGTH)), EXCERPT_LENGTH);
  }

  private CallLockedException locked(RequestInfo request, Reply reply, ErrorBody body) {
    String holder = holder(redactor.redact(body.message()));
    String excerpt = excerpt(reply);
    return new CallLockedException(
        CallLockedException.describe(request.ref(), holder)
            + context(request, reply, excerpt).replaceFirst("^\\.", ""),
        request.ref(),
        holder,
        reply.status(),
        excerpt,
        null);
  }

  private ActionNotAllowedException notAllowed(RequestInfo request, Reply reply) {
    String excerpt = excerpt(reply);
    return new ActionNotAllowedException(
        "ASM refused to "
            + request.purpose()
            + " in its current state: the call may be closed, or Open and not locked by you"
            + " (lock it first)"
            + context(request, reply, excerpt),
        request.ref(),
        reply.status(),
        excerpt,
        null);
  }

  private AsmException notFound(RequestInfo request, Reply reply, ErrorBody body, String excerpt) {
    String hint = body.json() ? "" : " If every call is reported missing, check the base URL.";
    if (request.ref() == null) {
      return new RequestRejectedException(
          "ASM has no such address to "
              + request.purpose()
              + ": check the base URL"
              + context(request, reply, excerpt),
          null,
          reply.status(),
          excerpt,
          null);
    }
    return new CallNotFoundException(
        "Call "
            + request.ref()
            + " was not found in ASM, or the user may not see it"
            + context(request, reply, excerpt)
            + hint,
        request.ref(),
        reply.status(),
        excerpt,
        null);
  }

  private ServerUnavailableException unavailable(RequestInfo request, Reply reply, String excerpt) {
    int status = reply.status();
    String what =
        switch (status) {
          case 429 -> "ASM is limiting requests and refused to " + request.purpose() + " for now";
          case 502, 503, 504 ->
              "ASM, or a proxy in front of it, could not "
                  + request.purpose()
                  + " now: the service is unavailable";
          case 408 -> "ASM gave up waiting for the request to " + request.purpose();
          default -> "ASM failed with a server error while trying to " + request.purpose();
        };
    return new ServerUnavailableException(
        what + context(request, reply, excerpt) + " Try again later.",
        request.ref(),
        status,
        excerpt,
        null);
  }

  /** {@code . (PUT /path answered 409: excerpt).}: the request, the status and the excerpt. */
  private static String context(RequestInfo request, Reply reply, String excerpt) {
    return ". ("
        + request.line()
        + " answered "
        + reply.status()
        + (excerpt.isEmpty() ? " with an empty body" : ": " + excerpt)
        + ")";
  }

  /** The lock holder's name from "… locked by NAME.", or {@code null}. */
  static String holder(String message) {
    Matcher matcher = HOLDER.matcher(message);
    if (!matcher.find()) {
      return null;
    }
    String name = matcher.group(1).strip().replaceAll("^['\"]|['\"]$", "");
    if (name.isEmpty() || name.equalsIgnoreCase("you") || name.length() > 100) {
      return null;
    }
    return name;
  }

  static String describe(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000 || millis % 1000 != 0) {
      return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1e3);
    }
    return millis / 1000 + " s";
  }

  private static boolean looksLikeHtml(String body) {
    String start = body.stripLeading().toLowerCase(Locale.ROOT);
    return start.startsWith("<!doctype html") || start.startsWith("<html");
  }

  /**
   * An error body as far as it could be read.
   *
   * @param message the {@code Message} (or OAuth {@code error: error_description}), or empty
   * @param details the {@code ModelState} messages as "Field: text", possibly empty
   * @param htmlTitle the title of an HTML page, or {@code null}
   * @param json whether the body was a JSON object
   */
  record ErrorBody(String message, List<String> details, String htmlTitle, boolean json) {

    /** <b>Assumption:</b> the error body shapes listed on {@link ErrorMapper}. */
    static ErrorBody parse(String body) {
      JsonNode node = Json.readOrNull(body);
      if (node != null && node.isObject()) {
        String message = text(node, "Message", "message");
        if (message.isEmpty()) {
          String error = text(node, "error");
          String description = text(node, "error_description");
          message =
              error.isEmpty() || description.isEmpty()
                  ? error + description
                  : error + ": " + description;
        }
        return new ErrorBody(message, modelState(node.get("ModelState")), null, true);
      }
      Matcher title = HTML_TITLE.matcher(body == null ? "" : body);
      String htmlTitle = title.find() ? title.group(1).strip() : null;
      return new ErrorBody("", List.of(), htmlTitle, false);
    }

    private static String text(JsonNode node, String... names) {
      for (String name : names) {
        JsonNode value = node.get(name);
        if (value != null && value.isValueNode() && !value.isNull()) {
          return value.asText();
        }
      }
      return "";
    }

    private static List<String> modelState(JsonNode state) {
      List<String> details = new ArrayList<>();
      if (state == null || !state.isObject()) {
        return details;
      }
      for (Map.Entry<String, JsonNode> field : state.properties()) {
        List<String> texts = new ArrayList<>();
        if (field.getValue().isArray()) {
          field.getValue().forEach(item -> texts.add(item.asText()));
        } else {
          texts.add(field.getValue().asText());
        }
        details.add(field.getKey() + ": " + String.join(" ", texts));
      }
      return details;
    }
  }
}
