package io.asmkit.cli;

import io.asmkit.core.domain.FieldNames;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.Text;
import java.math.BigDecimal;

/**
 * One {@code --field} argument: {@code Name=Value} sets text; {@code Name:=Value} sets a JSON
 * number or boolean ({@code Urgency:=2}, {@code Flag:=true}, {@code Cost:=12.50}).
 *
 * @param name the field's ASM name, checked by {@link FieldNames#requireValid}
 * @param value a {@link String}, {@link Integer}, {@link Long}, {@link BigDecimal} or {@link
 *     Boolean}
 */
record FieldArgument(String name, Object value) {

  /**
   * Parses {@code Name=Value} or {@code Name:=Value}.
   *
   * @throws InvalidInputException naming the argument and the expected form
   */
  static FieldArgument parse(String text) {
    int equals = text.indexOf('=');
    if (equals < 0) {
      throw new InvalidInputException(
          "--field '"
              + shorten(text)
              + "' has no '=': write Name=Value for text, or Name:=Value for a number or"
              + " true/false, for example --field CustomString1=release-42 or --field Urgency:=2.");
    }

    boolean literal = equals > 0 && text.charAt(equals - 1) == ':';
    String name = text.substring(0, literal ? equals - 1 : equals).strip();
    String value = text.substring(equals + 1);
    FieldNames.requireValid(name);

    return new FieldArgument(name, literal ? literal(name, value.strip()) : value);
  }

  private static Object literal(String name, String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    if (value.matches("-?\\d{1,18}")) {
      long number = Long.parseLong(value);
      if (number == (int) number) {
        return Integer.valueOf((int) number);
      }
      return Long.valueOf(number);
    }
    if (value.matches("-?\\d{1,30}\\.\\d{1,30}")) {
      return new BigDecimal(value);
    }
    throw new InvalidInputException(
        "--field "
            + name
            + ":="
            + shorten(value)
            + " is not a number or true/false: with ':=' give 12, 12.5, true or false; for text"
            + " write "
            + name
            + "=Value.");
  }

  private static String shorten(String text) {
    return Text.singleLine(text, 60);
  }
}
