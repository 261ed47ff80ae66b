package io.asmkit.core.domain;

import java.time.Duration;

/** Small text helpers for messages shown to people. */
public final class Text {

  private Text() {}

  /**
   * Folds white space and line breaks into single spaces and cuts the text to {@code max}
   * characters, ending with "…" when cut, never in the middle of a character such as an emoji.
   */
  public static String singleLine(String text, int max) {
    String folded = text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    if (folded.length() <= max) {
      return folded;
    }
    int end = Math.max(0, max - 1);
    if (end > 0 && Character.isHighSurrogate(folded.charAt(end - 1))) {
      end--; // never cut a character such as an emoji in half
    }
    return folded.substring(0, end) + "…";
  }

  /**
   * Writes a duration shortly for messages: {@code 1h30m}, {@code 45s}, {@code 0s}; {@code 500ms}
   * when it is under a second. Parts of a second are left out otherwise.
   */
  public static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds == 0) {
      long millis = duration.toMillis();
      return millis == 0 ? "0s" : millis + "ms";
    }

    StringBuilder text = new StringBuilder();
    appendPart(text, seconds / 3600, "h");
    appendPart(text, seconds % 3600 / 60, "m");
    appendPart(text, seconds % 60, "s");
    return text.toString();
  }

  private static void appendPart(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }

  /** Text for the start of a message: "call 42" or "the request" when no call is known. */
  static String subject(CallRef callRef) {
    return callRef == null ? "the request" : "call " + callRef;
  }
}
