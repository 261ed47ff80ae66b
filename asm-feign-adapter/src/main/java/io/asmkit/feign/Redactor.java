package io.asmkit.feign;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes anything that looks like a secret from text the server sent, before it goes into a
 * message: the secrets this client knows (password, client secret, tokens), values of token and
 * password fields, bearer headers, JWTs and long base64-like runs. Safe for concurrent use.
 */
final class Redactor {

  static final String MASK = "****";

  private static final int MAX_KNOWN = 64;
  private static final int SHORTEST_KNOWN = 4;

  private static final Pattern SECRET_FIELD =
      Pattern.compile(
          "(?i)(\"?\\b(?:access_token|refresh_token|id_token|token|password|client_secret|secret)"
              + "\"?\\s*[:=]\\s*\"?)([^\"&\\s,;}]+)");
  private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)\\S+");
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]*)?");
  private static final Pattern LONG_RUN = Pattern.compile("[A-Za-z0-9+/_=-]{32,}");

  private final LinkedHashSet<String> known = new LinkedHashSet<>();

  /**
   * Remembers a secret to be masked wherever it appears, also as a server would echo it from a form
   * (URL-encoded) or in JSON (escaped); the oldest are forgotten past 64.
   */
  synchronized void remember(String secret) {
    if (secret == null || secret.length() < SHORTEST_KNOWN) {
      return;
    }
    for (String form : List.of(secret, urlEncoded(secret), jsonEscaped(secret))) {
      known.remove(form);
      known.add(form);
    }
    while (known.size() > MAX_KNOWN) {
      known.remove(known.iterator().next());
    }
  }

  /** The text with every secret-looking part replaced by {@code ****}. */
  String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : knownSecrets()) {
      result = result.replace(secret, MASK);
    }
    result = SECRET_FIELD.matcher(result).replaceAll("$1" + MASK);
    result = BEARER.matcher(result).replaceAll("$1" + MASK);
    result = JWT.matcher(result).replaceAll(MASK);
    return maskLongRuns(result);
  }

  private static String urlEncoded(String secret) {
    return URLEncoder.encode(secret, StandardCharsets.UTF_8);
  }

  private static String jsonEscaped(String secret) {
    String quoted = Json.quote(secret);
    return quoted.substring(1, quoted.length() - 1);
  }

  private synchronized List<String> knownSecrets() {
    List<String> longestFirst = new ArrayList<>(known);
    longestFirst.sort((a, b) -> b.length() - a.length());
    return longestFirst;
  }

  /** Masks runs of 32 or more base64 characters that mix letters and digits, as tokens do. */
  private static String maskLongRuns(String text) {
    Matcher matcher = LONG_RUN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String run = matcher.group();
      boolean tokenLike =
          run.chars().anyMatch(Character::isDigit) && run.chars().anyMatch(Character::isLetter);
      matcher.appendReplacement(out, Matcher.quoteReplacement(tokenLike ? MASK : run));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
