package io.asmkit.core.domain;

import java.io.InvalidObjectException;
import java.io.Serializable;

/** The reference of an ASM call: a positive whole number, as ASM's integer {@code Ref}. */
public final class CallRef implements Comparable<CallRef>, Serializable {

  private static final long serialVersionUID = 1L;

  private static final int MAX_DIGITS = String.valueOf(Long.MAX_VALUE).length();

  private final long value;

  private CallRef(long value) {
    this.value = value;
  }

  /**
   * Returns the reference with the given number.
   *
   * @throws InvalidInputException when {@code value} is zero or negative
   */
  public static CallRef of(long value) {
    if (value <= 0) {
      throw new InvalidInputException(
          "Call reference " + value + " is not valid: a call reference is a positive number.");
    }
    return new CallRef(value);
  }

  /**
   * Parses a reference from text, ignoring spaces around it.
   *
   * @throws InvalidInputException when the text is empty, not made of digits only, zero, or too
   *     large; the message names the text and says what is expected
   */
  public static CallRef parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          "The call reference is empty. Give the call's number, for example 1234.");
    }
    String trimmed = text.strip();
    if (!trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidInputException(
          "Call reference '"
              + Text.singleLine(trimmed, 40)
              + "' is not valid: use digits only, for example 1234.");
    }
    String digits = trimmed.replaceFirst("^0+(?=.)", "");
    if (digits.length() > MAX_DIGITS || isAboveLongRange(digits)) {
      throw new InvalidInputException(
          "Call reference '"
              + Text.singleLine(trimmed, 40)
              + "' is too large: give the call's number (at most "
              + Long.MAX_VALUE
              + "), for example 1234.");
    }
    long value = Long.parseLong(digits);
    if (value == 0) {
      throw new InvalidInputException(
          "Call reference '"
              + Text.singleLine(trimmed, 40)
              + "' is not valid: a call reference is a positive number, for example 1234.");
    }
    return new CallRef(value);
  }

  private static boolean isAboveLongRange(String digits) {
    String max = String.valueOf(Long.MAX_VALUE);
    return digits.length() == max.length() && digits.compareTo(max) > 0;
  }

  /** Refuses a serialized reference that is not positive, as {@link #of} would. */
  private Object readResolve() throws InvalidObjectException {
    if (value <= 0) {
      throw new InvalidObjectException(
          "Serialized call reference " + value + " is not valid: it must be a positive number.");
    }
    return this;
  }

  /** The number of the call. */
  public long value() {
    return value;
  }

  @Override
  public int compareTo(CallRef other) {
    return Long.compare(value, other.value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CallRef && ((CallRef) other).value == value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }

  /** The number in decimal, as it appears in ASM's addresses. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
