package io.asmkit.feign;

import io.asmkit.core.domain.AccessToken;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.port.out.TokenPort;
import io.asmkit.core.service.TimeSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens from a password login to ASM's OAuth address: logs in on first need, refreshes before the
 * access token expires (keeping the new refresh token each refresh returns), and logs in afresh
 * when a refresh is refused. Made by {@link AsmClient.Builder#passwordLogin}.
 *
 * <p>Each login holds an ASM session and a licence, so there is one login per instance, never one
 * per request: all methods are synchronized, and threads that need a token at the same moment wait
 * for the one login or refresh in progress.
 */
public final class PasswordLogin implements TokenPort {

  private static final Logger LOGGER = LoggerFactory.getLogger(PasswordLogin.class);

  private static final Duration LONGEST_MARGIN = Duration.ofMinutes(1);

  private final URI loginUri;
  private final String clientId;
  private final String username;
  private final char[] password;
  private final String scope;
  private final char[] clientSecret;
  private final HttpExchange http;
  private final ErrorMapper errors;
  private final Retrier retrier;
  private final TimeSource time;
  private final Redactor redactor;

  private AccessToken access;
  private long refreshAtNanos;
  private long expiresAtNanos;
  private String refreshToken;

  PasswordLogin(
      AsmBaseUrl base,
      String clientId,
      String username,
      char[] password,
      String scope,
      char[] clientSecret,
      HttpExchange http,
      ErrorMapper errors,
      Retrier retrier,
      TimeSource time,
      Redactor redactor) {
    this.loginUri = base.loginUri();
    this.clientId = clientId;
    this.username = username;
    this.password = password.clone();
    this.scope = scope;
    this.clientSecret = clientSecret == null ? null : clientSecret.clone();
    this.http = http;
    this.errors = errors;
    this.retrier = retrier;
    this.time = time;
    this.redactor = redactor;
    redactor.remember(new String(password));
    if (clientSecret != null) {
      redactor.remember(new String(clientSecret));
    }
  }

  /** The ASM user name this login uses. */
  public String username() {
    return username;
  }

  /** The API client id this login uses. */
  public String clientId() {
    return clientId;
  }

  /**
   * A token valid now: the one held, or a refreshed one when it nears expiry, or a new login.
   *
   * @throws AuthenticationException when ASM refuses the login; the message names the user and the
   *     client id, never the password
   * @throws ServerUnavailableException when the login address cannot be reached
   */
  @Override
  public synchronized AccessToken current() {
    long now = time.nanoTime();
    if (access != null && now - refreshAtNanos < 0) {
      return access;
    }

    if (refreshToken != null) {
      try {
        if (refresh()) {
          return access;
        }
      } catch (ServerUnavailableException unavailable) {
        if (access != null && now - expiresAtNanos < 0) {
          LOGGER.debug("Refreshing the ASM token failed for now; the current one is still valid");
          return access;
        }
        throw unavailable;
      }
    }

    login();
    return access;
  }

  /** Forgets {@code token} if it is the one held, so the next {@link #current()} replaces it. */
  @Override
  public synchronized void rejected(AccessToken token) {
    if (token != null && token.equals(access)) {
      access = null;
    }
  }

  private void login() {
    String form = TokenEndpoint.loginForm(clientId, username, password, scope, clientSecret);
    RequestInfo request = info("log in to ASM as '" + username + "'");
    Reply reply = post(form, request);

    if (reply.status() == 400 || reply.status() == 401 || reply.status() == 403) {
      throw errors.loginRefused(request, reply, username, clientId);
    }
    TokenEndpoint.Tokens tokens = reply.isSuccess() ? TokenEndpoint.parse(reply.body()) : null;
    if (tokens == null) {
      throw errors.loginFailed(request, reply);
    }
    keep(tokens);
    LOGGER.debug("Logged in to ASM as {} with API client {}", username, clientId);
  }

  /** Refreshes the tokens; false when ASM refused the refresh token (used or expired). */
  private boolean refresh() {
    String form = TokenEndpoint.refreshForm(clientId, refreshToken, clientSecret);
    RequestInfo request = info("refresh the ASM token of '" + username + "'");
    Reply reply = post(form, request);

    TokenEndpoint.Tokens tokens = reply.isSuccess() ? TokenEndpoint.parse(reply.body()) : null;
    if (tokens == null) {
      AsmException failure = errors.loginFailed(request, reply);
      if (failure instanceof ServerUnavailableException unavailable) {
        throw unavailable;
      }
      LOGGER.debug("ASM refused the refresh (status {}); logging in afresh", reply.status());
      refreshToken = null;
      access = null;
      return false;
    }
    keep(tokens);
    LOGGER.debug("Refreshed the ASM token of {}", username);
    return true;
  }

  private Reply post(String form, RequestInfo request) {
    PlannedRequest planned = new PlannedRequest("POST", loginUri, null);
    Map<String, String> headers =
        Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    try {
      return retrier.run(
          Retrier.Repeat.ONLY_IF_NOT_SENT,
          request.purpose(),
          attempt -> ApiCaller.send(http, errors, request, planned, headers, body));
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  private void keep(TokenEndpoint.Tokens tokens) {
    redactor.remember(tokens.access().value());
    redactor.remember(tokens.refreshToken());

    long now = time.nanoTime();
    Duration lifetime = tokens.lifetime();
    Duration margin = lifetime.dividedBy(10);
    if (margin.compareTo(LONGEST_MARGIN) > 0) {
      margin = LONGEST_MARGIN;
    }
    access = tokens.access();
    expiresAtNanos = now + lifetime.toNanos();
    refreshAtNanos = now + lifetime.minus(margin).toNanos();
    if (tokens.refreshToken() != null) {
      refreshToken = tokens.refreshToken();
    }
  }

  private RequestInfo info(String purpose) {
    return new RequestInfo(purpose, "POST", loginUri.getRawPath(), null);
  }

  /** Names the user and client, never the password. */
  @Override
  public String toString() {
    return "PasswordLogin[user " + username + ", client " + clientId + "]";
  }
}
