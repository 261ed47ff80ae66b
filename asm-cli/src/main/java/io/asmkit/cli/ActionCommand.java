package io.asmkit.cli;

import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.port.in.LockWait;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asm forward|defer|close REF}: locks the call, performs the action, which releases the lock
 * on the server, and unlocks the call if the action fails. The parameters each action takes are not
 * documented by Alemba: they are passed through as given (assumption).
 */
@Command
final class ActionCommand extends CallCommand {

  @Parameters(paramLabel = "REF", description = "The call's number, such as 1234.")
  String ref;

  @Option(
      names = "--field",
      paramLabel = "Name=Value",
      description =
          "A parameter of the action, repeatable. Name=Value gives text; Name:=Value a number or"
              + " true/false.")
  List<String> parameters = new ArrayList<>();

  @Mixin WaitOption wait = new WaitOption();

  private final CallAction.Kind kind;

  ActionCommand(CliContext context, CallAction.Kind kind) {
    super(context);
    this.kind = kind;
  }

  private static String past(CallAction.Kind kind) {
    return switch (kind) {
      case FORWARD -> "Forwarded";
      case DEFER -> "Deferred";
      case CLOSE -> "Closed";
    };
  }

  /** The help text of the command for {@code kind}. */
  static String[] description(CallAction.Kind kind) {
    return new String[] {
      "Lock the call, then "
          + kind.pathName()
          + " it; ASM releases the lock by itself. If the action fails, the call is unlocked."
          + " Locking a call you already hold succeeds.",
      "The action's parameters are not documented by Alemba: give them with --field as your ASM"
          + " system names them (assumption: sent as a plain JSON object)."
    };
  }

  @Override
  int execute(Console console) {
    CallRef call = ref(ref);
    Map<String, Object> values = new LinkedHashMap<>();
    for (String text : parameters) {
      FieldArgument parameter = FieldArgument.parse(text);
      values.put(parameter.name(), parameter.value());
    }
    CallAction action = CallAction.of(kind, values);
    LockWait lockWait = wait.lockWait();
    Session session = open(console);

    session
        .service()
        .runLocked(
            call,
            lockWait,
            locked -> {
              locked.perform(action);
              return null;
            });

    console.put("callRef", call.value());
    console.put("action", kind.pathName());
    if (session.isDryRun()) {
      session.reportPlan(console);
      return console.succeed();
    }
    console.say(past(kind) + " call " + call + "; ASM released its lock.");
    return console.succeed();
  }
}
