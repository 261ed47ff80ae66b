package io.asmkit.core.frontend;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.port.in.LockWait;
import java.math.BigInteger;
import java.time.Duration;

/**
 * Reads the loosely typed arguments that name a call and say how long to wait for its lock, as a
 * script or a command line gives them, and refuses bad ones with a message naming the argument.
 */
public final class CallArguments {

  /** How long {@code withAsmLock} and friends wait for another user's lock when not told. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

  private CallArguments() {}

  /**
   * Reads a call reference given as text ({@code "1234"}) or as a whole number ({@code 1234}).
   *
   * @param parameter the argument's name, for messages, such as {@code callRef}
   * @throws InvalidInputException naming {@code parameter} when the value is missing or not a
   *     positive whole number
   */
  public static CallRef callRef(String parameter, Object value) {
    if (value == null) {
      throw new InvalidInputException(
          "Parameter '" + parameter + "' is missing: give the call's number, for example 1234.");
    }
    try {
      if (value instanceof CharSequence) {
        return CallRef.parse(value.toString());
      }
      if (value instanceof Integer || value instanceof Long || value instanceof Short) {
        return CallRef.of(((Number) value).longValue());
      }
      if (value instanceof BigInteger) {
        return CallRef.parse(value.toString());
      }
    } catch (InvalidInputException e) {
      throw new InvalidInputException("Parameter '" + parameter + "': " + e.getMessage());
    }
    throw new InvalidInputException(
        "Parameter '"
            + parameter
            + "' is a "
            + value.getClass().getSimpleName()
            + ": give the call's number as a whole number or as text, for example 1234.");
  }

  /**
   * Turns a whole number into its decimal text and returns anything else unchanged, so that a front
   * end whose parameters are text accepts both {@code 1234} and {@code '1234'}. The value is
   * checked later, by {@link #callRef} or {@link UpdateArguments}.
   */
  public static Object numberAsText(Object value) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof BigInteger) {
      return value.toString();
    }
    return value;
  }

  /**
   * Decides how to wait for a lock that another user holds.
   *
   * <ul>
   *   <li>{@code failIfLocked} true: fail at once; a timeout must then not be given (or be zero);
   *   <li>otherwise wait up to {@code timeout}, or {@link #DEFAULT_LOCK_TIMEOUT} when it is blank;
   *       a zero timeout also fails at once.
   * </ul>
   *
   * @param timeout a duration as {@link Durations#parse} reads it, or {@code null}
   * @throws InvalidInputException when the timeout cannot be read, or both are given
   */
  public static LockWait lockWait(String timeout, boolean failIfLocked) {
    boolean timeoutGiven = timeout != null && !timeout.isBlank();
    Duration wait = timeoutGiven ? Durations.parse("timeout", timeout) : DEFAULT_LOCK_TIMEOUT;

    if (failIfLocked) {
      if (timeoutGiven && !wait.isZero()) {
        throw new InvalidInputException(
            "Parameters 'failIfLocked' and 'timeout' contradict each other: give failIfLocked:"
                + " true to fail at once, or a timeout to wait, not both.");
      }
      return LockWait.failFast();
    }
    return wait.isZero() ? LockWait.failFast() : LockWait.upTo(wait);
  }
}
