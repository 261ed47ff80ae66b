package io.asmkit.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One request the sandbox received, with the status it answered; {@link #toString()} hides
 * credentials.
 *
 * <p>Requests that got no reply (a {@link Fault#reset()}) have status 0.
 */
public final class RecordedRequest {

  private static final List<String> SECRET_FIELDS =
      List.of("password", "refresh_token", "client_secret", "access_token");

  private static final Pattern SECRET_IN_FORM =
      Pattern.compile("(?i)(^|[&?])(" + String.join("|", SECRET_FIELDS) + ")=[^&]*");

  private static final Pattern SECRET_IN_JSON =
      Pattern.compile(
          "(?i)(\"(?:" + String.join("|", SECRET_FIELDS) + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  private static final int SHOWN_BODY = 300;

  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final String body;
  private final int status;

  RecordedRequest(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      String body,
      int status) {
    this.method = method;
    this.path = path;
    this.query = query == null ? "" : query;
    Map<String, List<String>> lowerCase = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    this.headers = lowerCase;
    this.body = body;
    this.status = status;
  }

  /** The method, such as {@code PUT}. */
  public String method() {
    return method;
  }

  /** The path without the query, such as {@code /sandbox/alemba.api/api/v2/call/1000/lock}. */
  public String path() {
    return path;
  }

  /** The raw query without {@code ?}, or an empty string when there was none. */
  public String query() {
    return query;
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body as UTF-8 text, empty when there was none. */
  public String body() {
    return body;
  }

  /** The status the sandbox answered, or 0 when it closed the connection without a reply. */
  public int status() {
    return status;
  }

  /**
   * The method, path, query, status, content type and the start of the body, with the {@code
   * Authorization} header, passwords, refresh tokens, access tokens and client secrets replaced by
   * {@code [redacted]}.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(method).append(' ').append(path);
    if (!query.isEmpty()) {
      text.append('?').append(redact(query));
    }
    text.append(" -> ").append(status);
    header("Authorization")
        .ifPresent(
            value -> text.append(", Authorization: ").append(scheme(value)).append("[redacted]"));
    header("Content-Type").ifPresent(value -> text.append(", Content-Type: ").append(value));
    if (!body.isEmpty()) {
      text.append(", body: ").append(shorten(redact(body)));
    }
    return text.toString();
  }

  private static String scheme(String authorization) {
    int space = authorization.indexOf(' ');
    return space > 0 && space < 20 ? authorization.substring(0, space + 1) : "";
  }

  private static String redact(String text) {
    String form = SECRET_IN_FORM.matcher(text).replaceAll("$1$2=[redacted]");
    return SECRET_IN_JSON.matcher(form).replaceAll("$1\"[redacted]\"");
  }

  private static String shorten(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= SHOWN_BODY ? line : line.substring(0, SHOWN_BODY) + "…";
  }
}
