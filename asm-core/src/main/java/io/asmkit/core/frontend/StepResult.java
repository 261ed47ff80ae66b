package io.asmkit.core.frontend;

import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.FieldNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the result a step hands back to a script: a serializable map of plain values (text, whole
 * numbers, booleans, a list of text) that a sandboxed script can read without approval.
 *
 * <p>Keys: {@value #OK}, {@value #ACTION}, {@value #SITE}, {@value #CALL_REF} (a {@code Long}), and
 * when known {@value #LOCKED}, {@value #HOLDER}, {@value #STATUS} (an {@code Integer}), {@value
 * #FIELDS} and {@value #ERROR}. Never a token or a password.
 */
public final class StepResult {

  /** Whether the action succeeded. */
  public static final String OK = "ok";

  /** The action, such as {@code lock}. */
  public static final String ACTION = "action";

  /** The name of the ASM site. */
  public static final String SITE = "site";

  /** The call's number. */
  public static final String CALL_REF = "callRef";

  /** For a lock or unlock: whether we (may) still hold the call's lock after the action. */
  public static final String LOCKED = "locked";

  /** Who holds the lock: us after a lock, another user after a refused lock. */
  public static final String HOLDER = "holder";

  /** The status number the update set. */
  public static final String STATUS = "status";

  /** The names of the fields the update sent. */
  public static final String FIELDS = "fields";

  /** A one-line description of the failure. */
  public static final String ERROR = "error";

  private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

  private StepResult(boolean ok, Action action, String site, CallRef callRef) {
    values.put(OK, ok);
    values.put(ACTION, action.verb());
    values.put(SITE, site);
    if (callRef != null) {
      values.put(CALL_REF, callRef.value());
    }
    if (action == Action.LOCK || action == Action.UNLOCK) {
      values.put(LOCKED, ok == (action == Action.LOCK));
    }
  }

  /** Starts the result of an action that succeeded. */
  public static StepResult success(Action action, String site, CallRef callRef) {
    return new StepResult(true, action, site, callRef);
  }

  /**
   * The result of an action that failed, for scripts that chose to continue. A refused lock names
   * the holder when the server said it.
   */
  public static Map<String, Object> failure(
      Action action, String site, CallRef callRef, Throwable failure) {
    StepResult result = new StepResult(false, action, site, callRef);
    if (failure instanceof CallLockedException) {
      ((CallLockedException) failure).holder().ifPresent(result::holder);
    }
    result.values.put(ERROR, ActionMessages.shortMessage(failure));
    return result.toMap();
  }

  /** Records who holds the lock; does nothing for {@code null}. */
  public StepResult holder(String holder) {
    if (holder != null) {
      values.put(HOLDER, holder);
    }
    return this;
  }

  /** Records what an update sent: the field names, and the status number when it set one. */
  public StepResult update(CallUpdate update) {
    values.put(FIELDS, new ArrayList<>(update.fieldNames()));
    Object status = update.fields().get(FieldNames.CALL_STATUS);
    if (status instanceof Integer) {
      values.put(STATUS, status);
    }
    return this;
  }

  /** The result as a new serializable map, in a stable key order. */
  public Map<String, Object> toMap() {
    return new LinkedHashMap<>(values);
  }
}
