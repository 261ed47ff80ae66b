package io.asmkit.cli;

import io.asmkit.core.domain.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads where ASM is and how to sign in from {@code --url}, {@code --password-file} and the
 * environment. Secrets come only from the environment or a file: no option takes one.
 */
final class Configuration {

  static final String URL = "ASM_URL";
  static final String TOKEN = "ASM_TOKEN";
  static final String USERNAME = "ASM_USERNAME";
  static final String PASSWORD = "ASM_PASSWORD";
  static final String CLIENT_ID = "ASM_CLIENT_ID";
  static final String CLIENT_SECRET = "ASM_CLIENT_SECRET";
  static final String SCOPE = "ASM_SCOPE";

  private static final String HOW_TO_SIGN_IN =
      "set ASM_TOKEN to a bearer token, or set ASM_USERNAME, ASM_CLIENT_ID and ASM_PASSWORD (or"
          + " give --password-file FILE)";

  private final Map<String, String> env;
  private final Console console;

  Configuration(Map<String, String> env, Console console) {
    this.env = env;
    this.console = console;
  }

  /**
   * Resolves the settings.
   *
   * @param url the {@code --url} option, or {@code null}
   * @param passwordFile the {@code --password-file} option, or {@code null}
   * @param credentialsRequired whether missing credentials are an error (false in a dry run, which
   *     then plans reads instead of sending them)
   * @throws InvalidInputException naming what is missing or conflicting and how to fix it
   */
  ConnectionSettings resolve(String url, Path passwordFile, boolean credentialsRequired) {
    String address = url != null ? url.strip() : value(URL);
    if (address == null || address.isEmpty()) {
      throw new InvalidInputException(
          "No ASM address: give --url https://asm.example.org/production or set ASM_URL.");
    }

    Credentials credentials = credentials(passwordFile);
    if (credentials == null && credentialsRequired) {
      throw new InvalidInputException("No credentials for ASM: " + HOW_TO_SIGN_IN + ".");
    }
    return new ConnectionSettings(address, credentials);
  }

  private Credentials credentials(Path passwordFile) {
    String token = value(TOKEN);
    String username = value(USERNAME);
    String password = value(PASSWORD);
    String clientId = value(CLIENT_ID);

    if (password != null && passwordFile != null) {
      throw new InvalidInputException(
          "Both ASM_PASSWORD and --password-file give a password: use one of them.");
    }
    boolean passwordGiven = password != null || passwordFile != null;
    if (token != null && (username != null || passwordGiven)) {
      throw new InvalidInputException(
          "Both ASM_TOKEN and a password login (ASM_USERNAME, ASM_PASSWORD or --password-file)"
              + " are set: use one way to sign in, and unset the other.");
    }
    if (token != null) {
      return new Credentials.BearerToken(token);
    }
    if (username == null && !passwordGiven && clientId == null) {
      return null;
    }

    List<String> missing = new ArrayList<>();
    if (username == null) {
      missing.add("ASM_USERNAME");
    }
    if (!passwordGiven) {
      missing.add("ASM_PASSWORD (or --password-file FILE)");
    }
    if (clientId == null) {
      missing.add("ASM_CLIENT_ID");
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "The password login is incomplete: set " + String.join(" and ", missing) + ".");
    }

    char[] secret = password != null ? password.toCharArray() : readPasswordFile(passwordFile);
    String clientSecret = value(CLIENT_SECRET);
    return new Credentials.PasswordLogin(
        clientId,
        username,
        secret,
        value(SCOPE),
        clientSecret == null ? null : clientSecret.toCharArray());
  }

  /** Reads the password from its file, dropping one trailing line break. */
  private char[] readPasswordFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          "--password-file "
              + file
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + "): give a readable file holding the password.");
    }

    if (text.endsWith("\r\n")) {
      text = text.substring(0, text.length() - 2);
    } else if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      throw new InvalidInputException(
          "--password-file " + file + " is empty: put the password in it, on one line.");
    }

    warnIfReadableByOthers(file);
    return text.toCharArray();
  }

  private void warnIfReadableByOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
        console.warn(
            "password file "
                + file
                + " is readable by other users; restrict it: chmod 600 "
                + file);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Not a POSIX file system: nothing cheap to check.
    }
  }

  /** A variable's value, or {@code null} when unset or blank. */
  private String value(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
