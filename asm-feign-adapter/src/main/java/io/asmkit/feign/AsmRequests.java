package io.asmkit.feign;

import io.asmkit.core.domain.CallOperation;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.PlannedOperation;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one place where each operation's HTTP method, address and body are decided, for {@link
 * AsmClient} and for dry runs alike. Planning sends nothing.
 *
 * <p>Paths are relative to {@code {base}/alemba.api/api/v2/}:
 *
 * <ul>
 *   <li>lock, unlock, submit: {@code PUT call/{ref}/lock} (and so on), no body (documented; submit
 *       seen in use);
 *   <li>update: {@code PUT call/{ref}}, a JSON object of the changed fields only (documented);
 *   <li>create: {@code POST call}, a JSON object of the fields (seen in use);
 *   <li>get: {@code GET call/{ref}} (<b>assumed</b>);
 *   <li>forward, defer, close: {@code PUT call/{ref}/forward} (and so on) with the action's
 *       parameters as a plain JSON object, {@code {}} when none (<b>assumed</b>: ASM documents that
 *       these actions exist, not their address or body; the parameters may have to be wrapped as
 *       {@code {"action": {...}}} on a real system; change {@link #actionBody} then).
 * </ul>
 */
public final class AsmRequests {

  private AsmRequests() {}

  /**
   * Plans the request for {@code operation}. Fields are written in name order, so a plan reads the
   * same every time.
   *
   * @throws InvalidInputException when the operation lacks a call reference it needs, carries one
   *     it must not, or carries fields it does not send (or none when it needs some)
   */
  public static PlannedRequest plan(AsmBaseUrl base, PlannedOperation operation) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(operation, "operation");
    return plan(
        base, operation.operation(), operation.callRef(), new TreeMap<>(operation.fields()));
  }

  /** Plans a request keeping the fields in the order given (the order of a call update). */
  static PlannedRequest plan(
      AsmBaseUrl base, CallOperation operation, CallRef ref, Map<String, ?> fields) {
    check(operation, ref, fields);

    return switch (operation) {
      case GET -> new PlannedRequest("GET", base.api(callPath(ref)), null);
      case LOCK -> new PlannedRequest("PUT", base.api(callPath(ref) + "/lock"), null);
      case UNLOCK -> new PlannedRequest("PUT", base.api(callPath(ref) + "/unlock"), null);
      case SUBMIT -> new PlannedRequest("PUT", base.api(callPath(ref) + "/submit"), null);
      case UPDATE -> new PlannedRequest("PUT", base.api(callPath(ref)), Json.write(fields));
      case CREATE -> new PlannedRequest("POST", base.api("call"), Json.write(fields));
      case FORWARD, DEFER, CLOSE ->
          new PlannedRequest(
              "PUT", base.api(callPath(ref) + "/" + actionName(operation)), actionBody(fields));
    };
  }

  /**
   * The body of a forward, defer or close. <b>Assumption:</b> the parameters as a plain JSON
   * object; the sandbox also accepts them wrapped as {@code {"action": {...}}}.
   */
  static String actionBody(Map<String, ?> parameters) {
    return Json.write(parameters);
  }

  private static String actionName(CallOperation operation) {
    return operation.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String callPath(CallRef ref) {
    return "call/" + ref;
  }

  private static void check(CallOperation operation, CallRef ref, Map<String, ?> fields) {
    String name = actionName(operation);
    if (operation == CallOperation.CREATE) {
      if (ref != null) {
        throw new InvalidInputException("A create takes no call reference (got " + ref + ").");
      }
    } else if (ref == null) {
      throw new InvalidInputException("A " + name + " needs a call reference: give the call.");
    }
    boolean sendsFields =
        switch (operation) {
          case UPDATE, CREATE, FORWARD, DEFER, CLOSE -> true;
          case GET, LOCK, UNLOCK, SUBMIT -> false;
        };
    if (!sendsFields && !fields.isEmpty()) {
      throw new InvalidInputException(
          "A " + name + " sends no fields, but got " + fields.keySet() + ": remove them.", ref);
    }
    if ((operation == CallOperation.UPDATE || operation == CallOperation.CREATE)
        && fields.isEmpty()) {
      throw new InvalidInputException(
          "A " + name + " needs at least one field, for example the description.", ref);
    }
  }
}
