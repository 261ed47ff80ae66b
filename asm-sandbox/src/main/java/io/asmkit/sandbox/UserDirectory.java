package io.asmkit.sandbox;

import io.asmkit.core.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox's users: name, password and the API client id each logs in through. */
final class UserDirectory {

  private final Map<String, User> users = new ConcurrentHashMap<>();

  /** One user; {@link #toString()} never shows the password. */
  record User(String username, String password, String clientId) {

    @Override
    public String toString() {
      return "User[" + username + ", clientId=" + clientId + "]";
    }
  }

  /**
   * Adds a user, or replaces the one with the same name.
   *
   * @throws InvalidInputException when a value is missing, naming it
   */
  void add(String username, String password, String clientId) {
    require("username", username);
    require("password", password);
    require("clientId", clientId);

    users.put(username, new User(username, password, clientId));
  }

  /** Whether some user logs in through this API client id. */
  boolean isClient(String clientId) {
    return users.values().stream().anyMatch(user -> user.clientId().equals(clientId));
  }

  /** The user with this name and password, if any, whatever their client id. */
  Optional<User> authenticate(String username, String password) {
    User user = users.get(username);
    if (user == null || !sameText(user.password(), password)) {
      return Optional.empty();
    }
    return Optional.of(user);
  }

  private static boolean sameText(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static void require(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(
          "The sandbox user's "
              + name
              + " is empty: give every user a username, password and"
              + " clientId.");
    }
  }
}
