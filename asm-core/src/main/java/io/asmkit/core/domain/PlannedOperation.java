package io.asmkit.core.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operation a dry run would have sent: which, on which call (none for a create), with which
 * fields.
 *
 * @param operation what would be done
 * @param callRef the call, or {@code null} for {@link CallOperation#CREATE}
 * @param fields the fields or parameters that would be sent, empty when none
 */
public record PlannedOperation(
    CallOperation operation, CallRef callRef, Map<String, Object> fields) {

  /**
   * Copies the fields so that the plan cannot change afterwards, keeping their order (the order
   * they would be sent in) and empty values (an action's parameter may be {@code null}).
   */
  public PlannedOperation {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  @Override
  public String toString() {
    String target = callRef == null ? "" : " call " + callRef;
    return operation.name().toLowerCase(java.util.Locale.ROOT)
        + target
        + (fields.isEmpty() ? "" : " " + fields);
  }
}
