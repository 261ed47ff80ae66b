package io.asmkit.core.domain;

import java.util.regex.Pattern;

/** The rules for the names of call fields as ASM spells them: PascalCase letters and digits. */
public final class FieldNames {

  /** The description field, which is always rich text. */
  public static final String DESCRIPTION = "Description";

  /** The status field: an integer reference into the site's list of status titles. */
  public static final String CALL_STATUS = "CallStatus";

  /** The suffix of the HTML companion of a rich-text field. */
  public static final String HTML_SUFFIX = "Html";

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

  private FieldNames() {}

  /**
   * Checks that {@code name} is a field name ASM could know.
   *
   * @throws InvalidInputException naming the field and the expected form
   */
  public static String requireValid(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(
          "A field name is empty. Use the field's name as ASM spells it, for example Urgency.");
    }
    if (!NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "Field name '"
              + Text.singleLine(name, 70)
              + "' is not valid: use the PascalCase name ASM gives the field (a capital letter,"
              + " then letters and digits, at most 64), for example CustomString1.");
    }
    return name;
  }

  /**
   * The name of the HTML companion of a rich-text field: {@code Description} → {@code
   * DescriptionHtml}.
   */
  public static String htmlOf(String name) {
    return name + HTML_SUFFIX;
  }

  /** Whether {@code name} looks like an HTML companion, such as {@code DescriptionHtml}. */
  public static boolean isHtmlCompanion(String name) {
    return name.length() > HTML_SUFFIX.length() && name.endsWith(HTML_SUFFIX);
  }

  /**
   * The plain field an HTML companion belongs to: {@code DescriptionHtml} → {@code Description}.
   */
  public static String plainOf(String htmlName) {
    return htmlName.substring(0, htmlName.length() - HTML_SUFFIX.length());
  }
}
