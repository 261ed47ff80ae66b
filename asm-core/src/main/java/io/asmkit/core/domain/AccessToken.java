package io.asmkit.core.domain;

import java.util.Objects;

/**
 * A bearer token for the ASM API. Its {@link #toString()} never shows the value, so it can be
 * logged or put in a message by mistake without leaking; it is deliberately not serializable.
 */
public final class AccessToken {

  private final String value;

  private AccessToken(String value) {
    this.value = value;
  }

  /**
   * Wraps a token value.
   *
   * @throws InvalidInputException when the value is empty or has anything but visible ASCII
   *     characters (a bearer token never has: spaces, line breaks, non-breaking or zero-width
   *     spaces and accented letters come from copying it badly)
   */
  public static AccessToken of(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("The bearer token is empty: give a token issued by ASM.");
    }
    if (value.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
      throw new InvalidInputException(
          "The bearer token contains spaces or line breaks, or characters other than visible"
              + " ASCII: give the token alone, without 'Bearer ' and without a trailing newline.");
    }
    return new AccessToken(value);
  }

  /** The secret value, to be put in an {@code Authorization} header and nowhere else. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccessToken && Objects.equals(((AccessToken) other).value, value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Shows that this is a token, never its value. */
  @Override
  public String toString() {
    return "AccessToken[****]";
  }
}
