package io.asmkit.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access and refresh tokens the sandbox has issued: random, URL-safe, bound to the user they
 * were issued to, expiring after their lifetime; refresh tokens work once.
 */
final class TokenStore {

  private static final int TOKEN_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
  private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;

  TokenStore(Clock clock, Duration accessLifetime, Duration refreshLifetime) {
    this.clock = clock;
    this.accessLifetime = accessLifetime;
    this.refreshLifetime = refreshLifetime;
  }

  /** Who a token was issued to, through which API client, and until when it works. */
  record Grant(String user, String clientId, Instant expiresAt) {

    boolean isLiveAt(Instant now) {
      return now.isBefore(expiresAt);
    }
  }

  /** A fresh pair of tokens. */
  record Issued(String accessToken, String refreshToken, long expiresInSeconds) {

    @Override
    public String toString() {
      return "Issued[tokens redacted, expiresInSeconds=" + expiresInSeconds + "]";
    }
  }

  /** Issues a new access token and refresh token to {@code user}. */
  Issued issue(String user, String clientId) {
    Instant now = clock.instant();
    forgetExpired(now);

    String access = newToken();
    String refresh = newToken();
    accessTokens.put(access, new Grant(user, clientId, now.plus(accessLifetime)));
    refreshTokens.put(refresh, new Grant(user, clientId, now.plus(refreshLifetime)));

    return new Issued(access, refresh, accessLifetime.toSeconds());
  }

  /** The user a live access token was issued to; empty for an unknown or expired token. */
  Optional<String> userFor(String accessToken) {
    Grant grant = accessTokens.get(accessToken);
    if (grant == null || !grant.isLiveAt(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(grant.user());
  }

  /**
   * Uses up a refresh token issued through {@code clientId}: returns its grant once, and never
   * again. Empty for an unknown, used, expired or other client's token; such a token is not used
   * up.
   */
  Optional<Grant> redeem(String refreshToken, String clientId) {
    Grant grant = refreshTokens.get(refreshToken);
    if (grant == null
        || !grant.clientId().equals(clientId)
        || !grant.isLiveAt(clock.instant())
        || !refreshTokens.remove(refreshToken, grant)) {
      return Optional.empty();
    }
    return Optional.of(grant);
  }

  /** Makes every access token issued so far expired. */
  void expireAccessTokens() {
    expireAll(accessTokens);
  }

  /** Makes every refresh token issued so far expired. */
  void expireRefreshTokens() {
    expireAll(refreshTokens);
  }

  private void expireAll(Map<String, Grant> tokens) {
    Instant now = clock.instant();
    tokens.replaceAll((token, grant) -> new Grant(grant.user(), grant.clientId(), now));
  }

  private void forgetExpired(Instant now) {
    accessTokens.values().removeIf(grant -> !grant.isLiveAt(now));
    refreshTokens.values().removeIf(grant -> !grant.isLiveAt(now));
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return encoder.encodeToString(bytes);
  }
}
