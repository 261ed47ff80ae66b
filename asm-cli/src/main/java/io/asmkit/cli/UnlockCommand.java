package io.asmkit.cli;

import io.asmkit.core.domain.CallRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code asm unlock REF}: unlocks a call, retrying on transient failures. */
@Command(
    name = "unlock",
    description = "Unlock a call you hold. Unlocking a call nobody holds succeeds.")
final class UnlockCommand extends CallCommand {

  @Parameters(paramLabel = "REF", description = "The call's number, such as 1234.")
  String ref;

  UnlockCommand(CliContext context) {
    super(context);
  }

  @Override
  int execute(Console console) {
    CallRef call = ref(ref);
    Session session = open(console);

    session.service().unlock(call);

    console.put("callRef", call.value());
    if (session.isDryRun()) {
      session.reportPlan(console);
      return console.succeed();
    }
    console.put("unlocked", true);
    console.say("Unlocked call " + call + ".");
    return console.succeed();
  }
}
