package io.asmkit.core.domain;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workflow action that moves a call on and releases its lock on the server by itself: forward,
 * defer or close, with optional parameters.
 *
 * <p>The parameters each action takes are not documented by Alemba; they are passed through as
 * given (assumption, see {@code docs/asm-api-assumptions.md}).
 */
public final class CallAction implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The kinds of action that release a call's lock. */
  public enum Kind {
    /** Forward the call to another group or analyst. */
    FORWARD,
    /** Defer the call until later. */
    DEFER,
    /** Close the call. */
    CLOSE;

    /** The lower-case name used in ASM's addresses, such as {@code forward}. */
    public String pathName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Kind kind;
  private final LinkedHashMap<String, Object> parameters;

  private CallAction(Kind kind, LinkedHashMap<String, Object> parameters) {
    this.kind = kind;
    this.parameters = parameters;
  }

  /**
   * Creates an action with parameters named as ASM names fields.
   *
   * @throws InvalidInputException when a parameter name is not a valid field name
   */
  public static CallAction of(Kind kind, Map<String, ?> parameters) {
    LinkedHashMap<String, Object> checked = new LinkedHashMap<>();
    parameters.forEach((name, value) -> checked.put(FieldNames.requireValid(name), value));
    return new CallAction(kind, checked);
  }

  /** Creates an action without parameters. */
  public static CallAction of(Kind kind) {
    return new CallAction(kind, new LinkedHashMap<>());
  }

  /** Which action this is. */
  public Kind kind() {
    return kind;
  }

  /** The parameters, by ASM name. */
  public Map<String, Object> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  @Override
  public String toString() {
    return kind.pathName() + parameters;
  }
}
