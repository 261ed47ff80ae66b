package io.asmkit.cli;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.port.in.LockWait;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asm lock REF}: locks a call and leaves it locked. */
@Command(
    name = "lock",
    description = {
      "Lock a call and leave it locked, for a later 'asm update' and 'asm unlock'.",
      "Prefer 'asm with-lock', which never leaves a call locked."
    })
final class LockCommand extends CallCommand {

  @Parameters(paramLabel = "REF", description = "The call's number, such as 1234.")
  String ref;

  @Mixin WaitOption wait = new WaitOption();

  LockCommand(CliContext context) {
    super(context);
  }

  @Override
  int execute(Console console) {
    CallRef call = ref(ref);
    LockWait lockWait = wait.lockWait();
    Session session = open(console);

    // The session is deliberately not closed: 'asm lock' leaves the call locked.
    session.service().lock(call, lockWait);

    console.put("callRef", call.value());
    if (session.isDryRun()) {
      session.reportPlan(console);
      return console.succeed();
    }
    console.put("locked", true);
    console.say("Locked call " + call + ". It stays locked until you run: asm unlock " + call);
    return console.succeed();
  }
}
