package io.asmkit.cli;

import io.asmkit.core.domain.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The site's status titles from {@code ASM_STATUS_TITLES} ({@code Deployed=5,Resolved=6}), so that
 * {@code --status Deployed} can stand for {@code --status 5}. Status numbers differ per ASM system,
 * so the CLI knows no titles of its own.
 */
final class StatusTitles {

  /** The environment variable holding the titles. */
  static final String VARIABLE = "ASM_STATUS_TITLES";

  private final Map<String, Integer> byTitle;

  private StatusTitles(Map<String, Integer> byTitle) {
    this.byTitle = byTitle;
  }

  /**
   * Reads the titles from the environment; none when the variable is unset.
   *
   * @throws InvalidInputException when the variable is set but not of the form Title=N,Title=N
   */
  static StatusTitles from(Map<String, String> env) {
    String text = env.get(VARIABLE);
    Map<String, Integer> titles = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return new StatusTitles(titles);
    }

    for (String entry : text.split(",")) {
      int equals = entry.lastIndexOf('=');
      String title = equals < 0 ? "" : entry.substring(0, equals).strip();
      String number = equals < 0 ? "" : entry.substring(equals + 1).strip();
      if (title.isEmpty() || !number.matches("\\d{1,9}") || Integer.parseInt(number) == 0) {
        throw new InvalidInputException(
            VARIABLE
                + " has an entry '"
                + entry.strip()
                + "' that is not Title=Number: write it as Deployed=5,Resolved=6.");
      }
      titles.put(title.toLowerCase(Locale.ROOT), Integer.parseInt(number));
    }
    return new StatusTitles(titles);
  }

  /**
   * The status number for {@code --status}: a positive number as is, or a title known from {@link
   * #VARIABLE} (case does not matter).
   *
   * @throws InvalidInputException when the text is neither
   */
  int resolve(String text) {
    String trimmed = text.strip();
    if (trimmed.matches("\\d{1,9}")) {
      return Integer.parseInt(trimmed);
    }

    Integer known = byTitle.get(trimmed.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }

    if (byTitle.isEmpty()) {
      throw new InvalidInputException(
          "--status '"
              + trimmed
              + "' is not a number: give the status number of your ASM system (for example"
              + " --status 5), or name titles in "
              + VARIABLE
              + " (for example Deployed=5,Resolved=6).");
    }
    throw new InvalidInputException(
        "--status '"
            + trimmed
            + "' is neither a number nor a title listed in "
            + VARIABLE
            + " ("
            + String.join(", ", byTitle.keySet())
            + ").");
  }
}
