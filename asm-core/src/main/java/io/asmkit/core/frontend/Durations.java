package io.asmkit.core.frontend;

import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.Text;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the durations people type, the same in every front end: a number with units
 * ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms}), a plain number of seconds ({@code 90}),
 * or ISO-8601 ({@code PT2M}). Upper case and spaces around are accepted; negative durations are
 * not.
 */
public final class Durations {

  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");
  private static final Pattern UNITS =
      Pattern.compile(
          "(?:(\\d{1,9})\\s*h)?\\s*(?:(\\d{1,9})\\s*m)?\\s*(?:(\\d{1,9})\\s*s)?"
              + "\\s*(?:(\\d{1,9})\\s*ms)?");
  private static final Duration LONGEST_PARAMETER = Duration.ofDays(7);
  private static final String FORMS =
      "use a number with a unit (30s, 5m, 1h30m), a number of seconds (90), or ISO-8601 (PT2M).";

  private Durations() {}

  /**
   * Reads a step's parameter, at most a week long.
   *
   * @param parameter the parameter's name, for messages ("Parameter 'timeout' is …")
   * @throws InvalidInputException naming {@code parameter} when the text is empty, not a duration,
   *     or longer than a week
   */
  public static Duration parse(String parameter, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          "Parameter '" + parameter + "' is empty: give a duration such as 90s, 5m or 1h30m.");
    }

    Duration duration = read(text);
    if (duration == null) {
      throw new InvalidInputException(
          "Parameter '"
              + parameter
              + "' is '"
              + text.strip()
              + "', which is not a duration: "
              + FORMS);
    }
    if (duration.compareTo(LONGEST_PARAMETER) > 0) {
      throw new InvalidInputException(
          "Parameter '" + parameter + "' is longer than a week: give at most 168h.");
    }
    return duration;
  }

  /**
   * Reads a command-line option's value, of any length.
   *
   * @param option the option as typed, for messages ("--wait '5 minutes' is not a duration …")
   * @throws InvalidInputException naming {@code option} when the text is not a duration
   */
  public static Duration parseOption(String option, String text) {
    Duration duration = text == null ? null : read(text);
    if (duration == null) {
      throw new InvalidInputException(
          option + " '" + (text == null ? "" : text.strip()) + "' is not a duration: " + FORMS);
    }
    return duration;
  }

  /** The duration the text stands for, or null when it is none. */
  private static Duration read(String text) {
    String compact = text.strip().toLowerCase(Locale.ROOT);

    if (SECONDS.matcher(compact).matches()) {
      return Duration.ofSeconds(Long.parseLong(compact));
    }

    Matcher units = UNITS.matcher(compact);
    if (!compact.isEmpty() && units.matches()) {
      return Duration.ofHours(number(units.group(1)))
          .plusMinutes(number(units.group(2)))
          .plusSeconds(number(units.group(3)))
          .plusMillis(number(units.group(4)));
    }

    if (compact.startsWith("p")) {
      try {
        Duration iso = Duration.parse(compact.toUpperCase(Locale.ROOT));
        return iso.isNegative() ? null : iso;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Writes a duration the way {@link #parse} reads it: {@code 1h30m}, {@code 45s}, {@code 0s};
   * {@code 500ms} when it is under a second. Parts of a second are left out otherwise.
   */
  public static String format(Duration duration) {
    return Text.duration(duration);
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
