package io.asmkit.core.frontend;

import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.Text;
import java.time.Duration;

/**
 * The one-line messages a front end prints for each action, all starting with {@value #PREFIX}.
 * They name the call and the site, never a token, a password or a reply body.
 */
public final class ActionMessages {

  /** What every line starts with, so that people can search a log for it. */
  public static final String PREFIX = "ASM: ";

  private static final int MAX_LENGTH = 400;

  private ActionMessages() {}

  /** "ASM: locked call 1234 on 'prod'". */
  public static String done(Action action, CallRef callRef, String site) {
    return PREFIX + action.pastTense() + " call " + callRef + " on '" + site + "'";
  }

  /** "ASM: updated call 1234 on 'prod' (Description, DescriptionHtml, CallStatus)". */
  public static String updated(CallRef callRef, String site, CallUpdate update) {
    return done(Action.UPDATE, callRef, site) + " (" + String.join(", ", update.fieldNames()) + ")";
  }

  /** "ASM: call 1234 on 'prod' is locked by 'jsmith'; waiting up to 5m for it". */
  public static String waiting(CallRef callRef, String site, String holder, Duration timeout) {
    String who = holder == null ? "another user" : "'" + holder + "'";
    return PREFIX
        + "call "
        + callRef
        + " on '"
        + site
        + "' is locked by "
        + who
        + "; waiting up to "
        + Durations.format(timeout)
        + " for it";
  }

  /** "ASM: could not lock call 1234 on 'prod': Call 1234 is locked by 'jsmith'. …". */
  public static String failed(Action action, CallRef callRef, String site, Throwable failure) {
    String target = callRef == null ? "" : " call " + callRef;
    return PREFIX
        + "could not "
        + action.verb()
        + target
        + " on '"
        + site
        + "': "
        + shortMessage(failure);
  }

  /** "ASM: continuing although the step failed (failOnError: false)". */
  public static String continuing() {
    return PREFIX + "continuing although the step failed (failOnError: false)";
  }

  /** "ASM: bound a bearer token for 'prod' to ASM_TOKEN (masked)". */
  public static String tokenBound(String site, String variable) {
    return PREFIX + "bound a bearer token for '" + site + "' to " + variable + " (masked)";
  }

  /**
   * The failure in one short line, for people: the message of an {@link AsmException} (written to
   * be shown), or the kind of any other failure with its message. White space is folded and the
   * text cut to a few hundred characters.
   */
  public static String shortMessage(Throwable failure) {
    if (failure == null) {
      return "unknown failure";
    }
    String message = failure.getMessage();
    String text;
    if (failure instanceof AsmException) {
      text = message == null ? failure.getClass().getSimpleName() : message;
    } else {
      String kind = failure.getClass().getSimpleName();
      text = message == null || message.isBlank() ? kind : kind + ": " + message;
    }
    return Text.singleLine(text, MAX_LENGTH);
  }
}
