package io.asmkit.cli;

import java.util.Optional;

/**
 * Where ASM is and how to sign in, as read from the options and the environment.
 *
 * @param url the system's base address, such as {@code https://asm.example.org/production}
 * @param credentials how to sign in, or {@code null} in a dry run without credentials
 */
record ConnectionSettings(String url, Credentials credentials) {

  /** The credentials, when there are any. */
  Optional<Credentials> signIn() {
    return Optional.ofNullable(credentials);
  }
}
