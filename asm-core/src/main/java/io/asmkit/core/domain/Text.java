package io.asmkit.core.domain;

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

  /** Text for the start of a message: "call 42" or "the request" when no call is known. */
  static String subject(CallRef callRef) {
    return callRef == null ? "the request" : "call " + callRef;
  }
}
