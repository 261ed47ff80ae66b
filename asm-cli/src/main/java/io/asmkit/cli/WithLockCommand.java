package io.asmkit.cli;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.port.in.LockWait;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asm with-lock REF [update options] -- COMMAND [ARGS...]}. */
@Command(
    name = "with-lock",
    customSynopsis = "asm with-lock [OPTIONS] REF -- COMMAND [ARGS...]",
    description = {
      "Lock the call, run COMMAND with ASM_CALL_REF set to the call's number, apply the update"
          + " (if any) when COMMAND exits 0, and unlock the call on every outcome: success,"
          + " failure, Ctrl-C.",
      "Exit code: COMMAND's own when it fails; 127 when it cannot be started.",
      "With --dry-run, COMMAND is not run: the requests are printed."
    })
final class WithLockCommand extends CallCommand {

  @Parameters(index = "0", paramLabel = "REF", description = "The call's number, such as 1234.")
  String ref;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "COMMAND",
      description = "The command and its arguments, after --.")
  List<String> command = new ArrayList<>();

  @Mixin UpdateOptions changes = new UpdateOptions();

  @Mixin WaitOption wait = new WaitOption();

  WithLockCommand(CliContext context) {
    super(context);
  }

  @Override
  int execute(Console console) {
    CallRef call = ref(ref);
    requireCommandAfterSeparator(call);
    CallUpdate update = changes.isEmpty() ? null : changes.build(context.env());
    LockWait lockWait = wait.lockWait();
    Session session = open(console);

    if (session.isDryRun()) {
      return dryRun(console, session, call, lockWait, update);
    }

    try (ShutdownGuard guard = ShutdownGuard.install(context.unlockGrace())) {
      return new LockedCommandRun(context, console)
          .run(session.service(), call, lockWait, update, command, guard);
    }
  }

  private void requireCommandAfterSeparator(CallRef call) {
    boolean separated = spec.commandLine().getParseResult().originalArgs().contains("--");
    if (command.isEmpty() || !separated) {
      throw new InvalidInputException(
          "with-lock needs a command after '--', for example: asm with-lock "
              + call
              + " --status 5 -- ./deploy.sh production",
          call);
    }
  }

  private int dryRun(
      Console console, Session session, CallRef call, LockWait lockWait, CallUpdate update) {
    session
        .service()
        .runLocked(
            call,
            lockWait,
            locked -> {
              if (update != null) {
                locked.update(update);
              }
              return null;
            });

    console.say(
        "Dry run: the command would run with ASM_CALL_REF="
            + call
            + ": "
            + LockedCommandRun.shellWords(command));
    console.put("callRef", call.value());
    console.put("wouldRun", command);
    session.reportPlan(console);
    return console.succeed();
  }
}
