package io.asmkit.cli;

import io.asmkit.core.domain.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people type them: {@code 30s}, {@code 5m}, {@code 1h}, {@code 90}, {@code
 * PT2M}.
 */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

  private Durations() {}

  /**
   * Parses a duration given to {@code option}.
   *
   * @throws InvalidInputException naming the option, the text and the accepted forms
   */
  static Duration parse(String text, String option) {
    String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);

    Matcher shortForm = SHORT.matcher(trimmed);
    if (shortForm.matches()) {
      return ofUnit(Long.parseLong(shortForm.group(1)), shortForm.group(2));
    }

    if (trimmed.startsWith("p")) {
      try {
        Duration iso = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        if (!iso.isNegative()) {
          return iso;
        }
      } catch (DateTimeParseException e) {
        // reported below with the accepted forms
      }
    }

    throw new InvalidInputException(
        option
            + " '"
            + (text == null ? "" : text.strip())
            + "' is not a duration: use a number with s, m or h (30s, 5m, 1h), a number of"
            + " seconds (90), or ISO-8601 (PT2M).");
  }

  private static Duration ofUnit(long amount, String unit) {
    if (unit == null || unit.equals("s")) {
      return Duration.ofSeconds(amount);
    }
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** "90s" → "1m30s", for messages. */
  static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds == 0 ? duration.toMillis() + "ms" : seconds + "s";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    long minutes = seconds / 60;
    return minutes + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
  }
}
