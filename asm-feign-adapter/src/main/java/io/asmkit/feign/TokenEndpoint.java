package io.asmkit.feign;

import com.fasterxml.jackson.databind.JsonNode;
import io.asmkit.core.domain.AccessToken;
import io.asmkit.core.domain.InvalidInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place for the shapes of ASM's OAuth login address: the login and refresh forms and the
 * token reply.
 *
 * <ul>
 *   <li>Login (seen in use): {@code grant_type=password}, {@code client_id}, {@code username},
 *       {@code password}, {@code scope}; {@code client_secret} when the API client has one (the
 *       field name is <b>assumed</b>).
 *   <li>Refresh (<b>assumed</b>, standard OAuth 2.0): {@code grant_type=refresh_token}, {@code
 *       refresh_token}, {@code client_id}, and {@code client_secret} when there is one.
 *   <li>Reply: {@code access_token} (seen in use); {@code refresh_token} and {@code expires_in}
 *       (<b>assumed</b> standard names). Without {@code expires_in}, a lifetime of 10 minutes is
 *       assumed, as Alemba documents for access tokens.
 * </ul>
 */
final class TokenEndpoint {

  /** The lifetime assumed when the reply gives none (Alemba documents 10 minutes). */
  static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(10);

  private TokenEndpoint() {}

  /** The login form; it holds the password, so it must never be logged. */
  static String loginForm(
      String clientId, String username, char[] password, String scope, char[] clientSecret) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", clientId);
    form.put("username", username);
    form.put("password", new String(password));
    form.put("scope", scope);
    if (clientSecret != null) {
      form.put("client_secret", new String(clientSecret));
    }
    return encode(form);
  }

  /** The refresh form; it holds the refresh token, so it must never be logged. */
  static String refreshForm(String clientId, String refreshToken, char[] clientSecret) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("client_id", clientId);
    if (clientSecret != null) {
      form.put("client_secret", new String(clientSecret));
    }
    return encode(form);
  }

  /**
   * Reads a token reply, or returns {@code null} when it holds no usable access token.
   *
   * @param body the reply's text
   */
  static Tokens parse(String body) {
    JsonNode node = Json.readOrNull(body);
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode access = node.get("access_token");
    if (access == null || !access.isTextual()) {
      return null;
    }
    AccessToken token;
    try {
      token = AccessToken.of(access.asText());
    } catch (InvalidInputException unusable) {
      return null;
    }
    JsonNode refresh = node.get("refresh_token");
    JsonNode expiresIn = node.get("expires_in");
    Duration lifetime =
        expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
            ? Duration.ofSeconds(expiresIn.asLong())
            : ASSUMED_LIFETIME;
    String refreshToken =
        refresh != null && refresh.isTextual() && !refresh.asText().isBlank()
            ? refresh.asText()
            : null;
    return new Tokens(token, refreshToken, lifetime);
  }

  private static String encode(Map<String, String> form) {
    StringBuilder text = new StringBuilder();
    form.forEach(
        (name, value) -> {
          if (text.length() > 0) {
            text.append('&');
          }
          text.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
    return text.toString();
  }

  /**
   * What a login or refresh yields.
   *
   * @param access the access token
   * @param refreshToken the refresh token, or {@code null} when none was given
   * @param lifetime how long the access token lives
   */
  record Tokens(AccessToken access, String refreshToken, Duration lifetime) {

    /** Leaves the secrets out. */
    @Override
    public String toString() {
      return "Tokens[lifetime " + lifetime + ", refresh " + (refreshToken != null) + "]";
    }
  }
}
