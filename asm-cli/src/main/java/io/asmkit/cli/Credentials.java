package io.asmkit.cli;

import java.util.Optional;

/**
 * How the CLI signs in to ASM: a fixed bearer token, or a password login. The secrets are kept as
 * given and never shown: {@link #toString()} names the kind only.
 */
sealed interface Credentials {

  /** A bearer token from {@code ASM_TOKEN}. */
  final class BearerToken implements Credentials {

    private final String token;

    BearerToken(String token) {
      this.token = token;
    }

    /** The secret token, to be handed to the HTTP client and nowhere else. */
    String token() {
      return token;
    }

    @Override
    public String toString() {
      return "BearerToken[****]";
    }
  }

  /** A password login with an API client id, from {@code ASM_USERNAME} and its companions. */
  final class PasswordLogin implements Credentials {

    private final String clientId;
    private final String username;
    private final char[] password;
    private final String scope;
    private final char[] clientSecret;

    PasswordLogin(
        String clientId, String username, char[] password, String scope, char[] clientSecret) {
      this.clientId = clientId;
      this.username = username;
      this.password = password;
      this.scope = scope;
      this.clientSecret = clientSecret;
    }

    /** The API client id. */
    String clientId() {
      return clientId;
    }

    /** The ASM user name. */
    String username() {
      return username;
    }

    /** The secret password, a copy for the HTTP client. */
    char[] password() {
      return password.clone();
    }

    /** The scope, when one was set; the HTTP client's default otherwise. */
    Optional<String> scope() {
      return Optional.ofNullable(scope);
    }

    /** The client secret, a copy, when the API client has one. */
    Optional<char[]> clientSecret() {
      return Optional.ofNullable(clientSecret).map(char[]::clone);
    }

    @Override
    public String toString() {
      return "PasswordLogin[user " + username + ", client " + clientId + ", password ****]";
    }
  }
}
