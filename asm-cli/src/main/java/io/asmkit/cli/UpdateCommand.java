package io.asmkit.cli;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.InvalidInputException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asm update REF …}: changes fields of a call that is New, or Open and locked by you. */
@Command(
    name = "update",
    description = {
      "Change fields of a call (an Open call must be locked by you; see with-lock).",
      "Prefer 'asm with-lock REF --status N -- COMMAND', which locks and unlocks around the"
          + " update."
    })
final class UpdateCommand extends CallCommand {

  @Parameters(paramLabel = "REF", description = "The call's number, such as 1234.")
  String ref;

  @Mixin UpdateOptions changes = new UpdateOptions();

  UpdateCommand(CliContext context) {
    super(context);
  }

  @Override
  int execute(Console console) {
    CallRef call = ref(ref);
    if (changes.isEmpty()) {
      throw new InvalidInputException(
          "Nothing to update on call "
              + call
              + ": give --description, --status or --field Name=Value.",
          call);
    }
    CallUpdate update = changes.build(context.env());
    Session session = open(console);

    session.service().update(call, update);

    console.put("callRef", call.value());
    if (session.isDryRun()) {
      session.reportPlan(console);
      return console.succeed();
    }
    console.put("updated", List.copyOf(update.fieldNames()));
    console.say("Updated call " + call + ": " + String.join(", ", update.fieldNames()) + ".");
    return console.succeed();
  }
}
