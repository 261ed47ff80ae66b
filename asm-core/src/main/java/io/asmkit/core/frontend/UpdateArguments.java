package io.asmkit.core.frontend;

import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Turns the arguments of an update, as a script gives them, into a {@link CallUpdate}: a plain
 * description, its HTML, a status number and a map of other fields by their ASM names.
 *
 * <p>Scripts hand over values of many types (Groovy strings, big decimals, doubles); they are
 * narrowed to the types {@link CallUpdate} accepts, and anything else is refused with a message
 * naming the parameter or field.
 */
public final class UpdateArguments {

  private UpdateArguments() {}

  /**
   * Makes the update.
   *
   * @param description the plain-text description, or {@code null}
   * @param descriptionHtml the HTML of the description, or {@code null} to derive it
   * @param status the status number as a whole number or digits, or {@code null}
   * @param fields other fields by ASM name, or {@code null}
   * @throws InvalidInputException when a value is of the wrong type, a field is given twice, or
   *     nothing is given at all; the message names the parameter or field
   */
  public static CallUpdate toUpdate(
      String description, String descriptionHtml, Object status, Map<?, ?> fields) {
    CallUpdate.Builder update = CallUpdate.builder();

    if (description != null) {
      update.description(description);
    }
    if (descriptionHtml != null) {
      if (description == null) {
        throw new InvalidInputException(
            "Parameter 'descriptionHtml' is given without 'description': ASM keeps both, so give"
                + " the plain text in 'description' too.");
      }
      update.descriptionHtml(descriptionHtml);
    }
    if (status != null) {
      update.status(statusNumber(status));
    }
    if (fields != null) {
      fields.forEach((name, value) -> addField(update, name, value));
    }

    if (description == null && status == null && (fields == null || fields.isEmpty())) {
      throw new InvalidInputException(
          "Nothing to update: give 'description', 'status' or 'fields' (for example fields:"
              + " [Urgency: 2]).");
    }
    return update.build();
  }

  private static int statusNumber(Object status) {
    Object number = status instanceof CharSequence ? digits(status.toString()) : status;
    if (number instanceof Integer || number instanceof Long || number instanceof Short) {
      long value = ((Number) number).longValue();
      if (value > 0 && value <= Integer.MAX_VALUE) {
        return (int) value;
      }
    }
    throw new InvalidInputException(
        "Parameter 'status' is '"
            + status
            + "': give the positive number of a status in your ASM system, for example 3.");
  }

  private static Object digits(String text) {
    String trimmed = text.strip();
    if (trimmed.matches("\\d{1,10}")) {
      return Long.parseLong(trimmed);
    }
    return text;
  }

  private static void addField(CallUpdate.Builder update, Object name, Object value) {
    if (!(name instanceof CharSequence)) {
      throw new InvalidInputException(
          "Parameter 'fields' has a key that is not text ("
              + name
              + "): name each field as ASM does, for example [Urgency: 2].");
    }
    String field = name.toString();
    try {
      update.field(field, narrow(field, value));
    } catch (InvalidInputException e) {
      throw new InvalidInputException("Parameter 'fields': " + e.getMessage());
    }
  }

  /** Narrows a script value to a type {@link CallUpdate.Builder#field} takes. */
  static Object narrow(String field, Object value) {
    if (value == null) {
      throw new InvalidInputException(
          "Field " + field + " has no value: give one, or leave the field out.");
    }
    if (value instanceof CharSequence) {
      return value.toString();
    }
    if (value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    if (value instanceof BigInteger) {
      return narrowBigInteger(field, (BigInteger) value);
    }
    if (value instanceof Double || value instanceof Float) {
      return decimal(field, ((Number) value).doubleValue());
    }
    return value;
  }

  private static Object narrowBigInteger(String field, BigInteger value) {
    if (value.bitLength() < Long.SIZE) {
      return value.longValue();
    }
    throw new InvalidInputException("Field " + field + " has a number too large for ASM.");
  }

  private static BigDecimal decimal(String field, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new InvalidInputException("Field " + field + " is not a number (" + value + ").");
    }
    return BigDecimal.valueOf(value);
  }
}
