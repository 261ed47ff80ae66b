package io.asmkit.it;

import static org.assertj.core.api.Assertions.fail;

import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets a test run handled (passwords, the access and refresh tokens ASM issued), and the
 * check that none of them appears in a text the toolkit produced. A failure never prints the secret
 * nor the text around it, only where it was found.
 */
final class Secrets {

  /** Shorter values are not searched for: they would match ordinary words by chance. */
  private static final int SHORTEST = 8;

  private final Set<String> values = ConcurrentHashMap.newKeySet();

  /** Adds a secret to search for. */
  void add(String secret) {
    if (secret != null && secret.length() >= SHORTEST) {
      values.add(secret);
    }
  }

  /**
   * Adds every bearer token, password, refresh token and client secret the sandbox has received:
   * the tokens were issued by it, so every one of them is a secret.
   */
  void harvest(AsmSandbox sandbox) {
    for (RecordedRequest request : sandbox.requests()) {
      request
          .header("Authorization")
          .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
          .ifPresent(value -> add(value.substring(7).strip()));
      if (request.path().endsWith("/oauth/login")) {
        for (String pair : request.body().split("&")) {
          int equals = pair.indexOf('=');
          String name = equals < 0 ? pair : pair.substring(0, equals);
          if (List.of("password", "refresh_token", "client_secret").contains(name)) {
            add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
          }
        }
      }
    }
  }

  /** How many distinct secrets are known: a check that searched for none proves nothing. */
  int count() {
    return values.size();
  }

  /** Fails, naming {@code where} and the kind of match only, when {@code text} holds a secret. */
  void assertNoneIn(String where, String text) {
    List<String> found = new ArrayList<>();
    int index = 0;
    for (String secret : values) {
      index++;
      if (text.contains(secret)) {
        found.add("secret #" + index + " (" + secret.length() + " characters)");
      }
    }
    if (!found.isEmpty()) {
      fail(where + " contains " + String.join(", ", found) + ": it must never show a secret.");
    }
  }

  /** Every message, cause and suppressed exception of {@code failure}, as one text to search. */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    describe(failure, text, 0);
    return text.toString();
  }

  private static void describe(Throwable failure, StringBuilder text, int depth) {
    if (failure == null || depth > 20) {
      return;
    }
    text.append(failure).append('\n');
    for (Throwable suppressed : failure.getSuppressed()) {
      describe(suppressed, text, depth + 1);
    }
    describe(failure.getCause(), text, depth + 1);
  }

  /** The adapter's SLF4J log so far (see the surefire configuration in asm-it/pom.xml). */
  static String adapterLog() {
    String file = System.getProperty("org.slf4j.simpleLogger.logFile");
    if (file == null || file.startsWith("System.")) {
      return "";
    }
    try {
      Path path = Path.of(file);
      return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
