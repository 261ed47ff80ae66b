package io.asmkit.core.frontend;

import io.asmkit.core.domain.InvalidInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the short durations people type: {@code 90s}, {@code 5m}, {@code 1h30m}. */
public final class Durations {

  private static final Pattern WHOLE =
      Pattern.compile("(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,9})s)?");
  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");
  private static final Duration LONGEST = Duration.ofDays(7);

  private Durations() {}

  /**
   * Reads a duration: hours, minutes and seconds with their units ({@code 1h30m}, {@code 45s}), or
   * a plain number of seconds ({@code 90}). Upper-case units and spaces around are accepted.
   *
   * @param parameter the argument's name, for messages
   * @throws InvalidInputException naming {@code parameter} when the text is empty, not of that
   *     form, or longer than a week
   */
  public static Duration parse(String parameter, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          "Parameter '" + parameter + "' is empty: give a duration such as 90s, 5m or 1h30m.");
    }
    String compact = text.strip().toLowerCase(java.util.Locale.ROOT);

    Duration duration;
    if (SECONDS.matcher(compact).matches()) {
      duration = Duration.ofSeconds(Long.parseLong(compact));
    } else {
      Matcher parts = WHOLE.matcher(compact);
      if (!parts.matches()) {
        throw new InvalidInputException(
            "Parameter '"
                + parameter
                + "' is '"
                + text.strip()
                + "', which is not a duration: use for example 90s, 5m, 1h30m, or a number of"
                + " seconds.");
      }
      duration =
          Duration.ofHours(number(parts.group(1)))
              .plusMinutes(number(parts.group(2)))
              .plusSeconds(number(parts.group(3)));
    }

    if (duration.compareTo(LONGEST) > 0) {
      throw new InvalidInputException(
          "Parameter '" + parameter + "' is longer than a week: give at most 168h.");
    }
    return duration;
  }

  /** Writes a duration the way {@link #parse} reads it: {@code 1h30m}, {@code 45s}, {@code 0s}. */
  public static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    append(text, seconds / 3600, "h");
    append(text, seconds % 3600 / 60, "m");
    append(text, seconds % 60, "s");
    return text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
