package io.asmkit.core.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the client knows of a call: its reference, description and status, and every other field the
 * server sent, unknown ones included.
 */
public final class Call {

  private final CallRef ref;
  private final Map<String, Object> fields;

  /**
   * Creates a call.
   *
   * @param ref the call's reference
   * @param fields every field as the server sent it (JSON values as {@code String}, {@code Number},
   *     {@code Boolean}, {@code List}, {@code Map} or {@code null})
   */
  public Call(CallRef ref, Map<String, Object> fields) {
    this.ref = ref;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The call's reference. */
  public CallRef ref() {
    return ref;
  }

  /** The plain-text description, if the server sent one. */
  public Optional<String> description() {
    Object value = fields.get(FieldNames.DESCRIPTION);
    return value == null ? Optional.empty() : Optional.of(value.toString());
  }

  /** The status number, if the server sent one as a number. */
  public OptionalInt status() {
    Object value = fields.get(FieldNames.CALL_STATUS);
    return value instanceof Number
        ? OptionalInt.of(((Number) value).intValue())
        : OptionalInt.empty();
  }

  /** One field's value as the server sent it, if present. */
  public Optional<Object> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** Every field as the server sent it, in the server's order. */
  public Map<String, Object> fields() {
    return fields;
  }

  @Override
  public String toString() {
    return "Call[" + ref + ", fields=" + fields.keySet() + "]";
  }
}
