package io.asmkit.cli;

import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.LockSession;
import io.asmkit.core.inmemory.InMemoryAsm;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * {@code asm demo}: starts the sandbox in this process and walks sample calls through lock, update,
 * unlock, a refused lock and a {@code with-lock}, printing each step and every HTTP exchange.
 */
@Command(
    name = "demo",
    description = {
      "Start the ASM sandbox in this process on a free port and walk sample calls through get,"
          + " lock, update, unlock, a refused lock and with-lock, printing each step and every"
          + " HTTP exchange. Needs no ASM system and no configuration."
    })
final class DemoCommand extends SandboxHostCommand {

  private static final CallRef FIRST = CallRef.of(1000);
  private static final CallRef SECOND = CallRef.of(1001);
  private static final CallRef HELD = CallRef.of(1002);

  private int step;

  DemoCommand(CliContext context) {
    super(context);
  }

  @Override
  int execute(Console console) {
    try (RunningSandbox sandbox =
        context.backend().startSandbox(new SandboxSettings(0, null, null))) {
      String url = sandbox.baseUrl().toString();
      console.say("Started the ASM sandbox at " + url + " (in this process, until the demo ends).");
      console.say(
          "Signing in as its sample user '"
              + RunningSandbox.SAMPLE.username()
              + "' with API client '"
              + RunningSandbox.SAMPLE.clientId()
              + "'. Each HTTP exchange is shown as '> METHOD path -> status (time)'.");
      CallService service = new CallService(connect(sandbox, console));

      readLockUpdateUnlock(service, console);
      showRefusedLock(service, console);
      int withLock = runWithLock(service, console);
      if (withLock != ExitCodes.OK) {
        return withLock;
      }

      return finish(sandbox.model(), url, console);
    }
  }

  private io.asmkit.core.port.out.CallPort connect(RunningSandbox sandbox, Console console) {
    ConnectionSettings settings =
        new ConnectionSettings(
            sandbox.baseUrl().toString(),
            new Credentials.PasswordLogin(
                RunningSandbox.SAMPLE.clientId(),
                RunningSandbox.SAMPLE.username(),
                RunningSandbox.SAMPLE.password().toCharArray(),
                null,
                null));
    ExchangeLog log =
        (method, path, status, elapsed) ->
            console.say(
                "    > "
                    + method
                    + " "
                    + path
                    + " -> "
                    + (status == 0 ? "no reply" : status)
                    + " ("
                    + elapsed.toMillis()
                    + " ms)");
    return context.backend().connect(settings, log);
  }

  private void readLockUpdateUnlock(CallService service, Console console) {
    step(console, "Read call " + FIRST, "asm get " + FIRST);
    Call call = service.get(FIRST);
    console.say(
        "  Call "
            + FIRST
            + ": \""
            + call.description().orElse("")
            + "\", status "
            + call.status().stream().mapToObj(String::valueOf).findFirst().orElse("?"));

    step(console, "Lock it", "asm lock " + FIRST);
    LockSession lock = service.lock(FIRST, LockWait.failFast());
    console.say("  Locked call " + FIRST + ".");

    step(
        console,
        "Update it while it is locked",
        "asm update " + FIRST + " --description 'Deployed build 512' --status 5");
    service.update(FIRST, CallUpdate.builder().description("Deployed build 512").status(5).build());
    console.say("  Updated call " + FIRST + ": Description, DescriptionHtml, CallStatus.");

    step(console, "Unlock it", "asm unlock " + FIRST);
    lock.close();
    console.say("  Unlocked call " + FIRST + ".");
  }

  private void showRefusedLock(CallService service, Console console) {
    step(console, "Try to lock call " + HELD + ", which jsmith holds", "asm lock " + HELD);
    try (LockSession unexpected = service.lock(HELD, LockWait.failFast())) {
      console.say("  Locked call " + HELD + " (the sample data has changed?); unlocking it.");
    } catch (CallLockedException refused) {
      console.say("  Refused, as expected: " + refused.getMessage());
      console.say("  (asm would exit with code " + ExitCodes.LOCKED + "; --wait 5m would wait.)");
    }
  }

  private int runWithLock(CallService service, Console console) {
    List<String> command = sampleCommand();
    step(
        console,
        "Run a command with call " + SECOND + " locked; set its status if the command succeeds",
        "asm with-lock " + SECOND + " --status 5 -- " + LockedCommandRun.shellWords(command));
    CallUpdate update = CallUpdate.builder().status(5).build();
    Console quiet =
        new Console(context.out(), context.err(), false, debug, "with-lock").indented("  ");

    try (ShutdownGuard guard = ShutdownGuard.install(context.unlockGrace())) {
      return new LockedCommandRun(context, quiet)
          .run(service, SECOND, LockWait.failFast(), update, command, guard);
    }
  }

  private int finish(InMemoryAsm model, String url, Console console) {
    String locked =
        model.lockedRefs().stream()
            .map(ref -> ref + " (by " + model.lockHolder(ref).orElse("?") + ")")
            .collect(Collectors.joining(", "));
    console.say("");
    console.say("Done. Calls still locked in the sandbox: " + (locked.isEmpty() ? "none" : locked));
    console.say("Every call the demo locked is unlocked again.");
    console.say("");
    console.say("Next: run './asm sandbox' and, in another terminal, point the CLI at it:");
    console.say(
        "  export ASM_URL=http://127.0.0.1:8089/sandbox ASM_USERNAME="
            + RunningSandbox.SAMPLE.username()
            + " ASM_CLIENT_ID="
            + RunningSandbox.SAMPLE.clientId()
            + " ASM_PASSWORD="
            + RunningSandbox.SAMPLE.password());
    console.say("  ./asm with-lock 1001 --status 6 -- echo deployed");
    console.say("See docs/cli.md for every command. (Demo sandbox was at " + url + ".)");
    return console.succeed();
  }

  private void step(Console console, String title, String equivalent) {
    step++;
    console.say("");
    console.say(step + ". " + title + "   $ " + equivalent);
  }

  /** A short command that runs anywhere: sh when there is one, else this JVM's java -version. */
  static List<String> sampleCommand() {
    if (Files.isExecutable(Path.of("/bin/sh"))) {
      return List.of("sh", "-c", "echo \"  deploying call $ASM_CALL_REF\"");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    return List.of(java, "-version");
  }
}
