package io.asmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code with-lock} against the in-memory backend, with real child processes ({@code sh}). */
class WithLockTest {

  private static final CallRef CALL = CallRef.of(1001);

  private final InMemoryBackend backend = new InMemoryBackend();
  private final CliRun cli = new CliRun(backend).signedIn();

  @TempDir Path dir;

  @Test
  void runsTheCommandWithTheCallRefThenUpdatesAndUnlocks() throws IOException {
    Path seen = dir.resolve("seen");

    CliRun.Result result =
        cli.run(
            "with-lock",
            "1001",
            "--status",
            "5",
            "--",
            "sh",
            "-c",
            "echo \"$ASM_CALL_REF\" > " + seen + "; echo deployed");

    assertThat(result.exitCode()).isZero();
    assertThat(Files.readString(seen).strip()).isEqualTo("1001");
    assertThat(result.out()).contains("Locked call 1001", "deployed", "Updated call 1001");
    assertThat(backend.model.get("x", CALL).fields()).containsEntry("CallStatus", 5);
    assertThat(backend.model.lockHolder(CALL)).isEmpty();
    assertThat(backend.operations).containsExactly("PUT 1001/lock", "PUT 1001", "PUT 1001/unlock");
  }

  @Test
  void failingCommandGivesItsExitCodeAndUnlocksWithoutUpdating() {
    CliRun.Result result =
        cli.run("with-lock", "1001", "--status", "5", "--json", "--", "sh", "-c", "exit 3");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.json().at("/error/type").asText()).isEqualTo("command_failed");
    assertThat(result.json().at("/error/commandExitCode").asInt()).isEqualTo(3);
    assertThat(result.json().get("unlocked").asBoolean()).isTrue();
    assertThat(result.err()).contains("failed with exit code 3", "was unlocked and not updated");
    assertThat(backend.model.get("x", CALL).fields()).containsEntry("CallStatus", 2);
    assertThat(backend.operations).containsExactly("PUT 1001/lock", "PUT 1001/unlock");
  }

  @Test
  void commandKilledBySigkillExits137AndUnlocks() {
    CliRun.Result result = cli.run("with-lock", "1001", "--", "sh", "-c", "kill -9 $$");

    assertThat(result.exitCode()).isEqualTo(137);
    assertThat(result.err()).contains("killed by signal 9");
    assertThat(backend.model.lockHolder(CALL)).isEmpty();
  }

  @Test
  void commandThatCannotStartExits127AndUnlocks() {
    CliRun.Result result = cli.run("with-lock", "1001", "--", dir.resolve("no-such").toString());

    assertThat(result.exitCode()).isEqualTo(127);
    assertThat(result.err()).contains("could not start", "Call 1001 was unlocked");
    assertThat(backend.operations).containsExactly("PUT 1001/lock", "PUT 1001/unlock");
  }

  @Test
  void lockHeldByOtherExitsFiveAndDoesNotRunTheCommand() {
    Path marker = dir.resolve("ran");

    CliRun.Result result = cli.run("with-lock", "1002", "--", "touch", marker.toString());

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(marker).doesNotExist();
    assertThat(backend.model.lockHolder(CallRef.of(1002))).contains("jsmith");
  }

  @Test
  void failedUpdateAfterSuccessStillUnlocks() {
    CliRun.Result result = cli.run("with-lock", "1001", "--status", "77", "--", "true");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("CallStatus 77");
    assertThat(backend.model.lockHolder(CALL)).isEmpty();
  }

  @Test
  void commandMustFollowTheSeparator() {
    CliRun.Result missing = cli.run("with-lock", "1001");
    CliRun.Result unseparated = cli.run("with-lock", "1001", "true");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(unseparated.exitCode()).isEqualTo(2);
    assertThat(unseparated.err()).contains("needs a command after '--'");
    assertThat(backend.operations).isEmpty();
  }

  @Test
  void optionsAfterTheSeparatorBelongToTheCommand() {
    CliRun.Result result = cli.run("with-lock", "1001", "--", "sh", "-c", "echo --json --status");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--json --status");
  }

  @Test
  void jsonModeKeepsTheCommandOutputOffStdout() {
    CliRun.Result result = cli.run("with-lock", "1001", "--json", "--", "echo", "noise");

    assertThat(result.json().get("commandExitCode").asInt()).isZero();
    assertThat(result.err()).contains("noise");
  }

  @Test
  void dryRunPrintsTheRequestsAndDoesNotRunTheCommand() {
    Path marker = dir.resolve("ran");

    CliRun.Result result =
        cli.run("with-lock", "1001", "--description", "d", "--dry-run", "--", "touch", "" + marker);

    assertThat(result.exitCode()).isZero();
    assertThat(marker).doesNotExist();
    assertThat(result.out())
        .contains("/call/1001/lock", "/call/1001/unlock", "\"Description\":\"d\"", "touch");
    assertThat(backend.operations).isEmpty();
  }

  @Test
  void stoppingTheProcessStopsTheCommandAndUnlocksBeforeTheHookReturns() throws Exception {
    Path started = dir.resolve("started");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Worker worker =
        new Worker(
            err, CALL, LockWait.failFast(), List.of("sh", "-c", "touch " + started + "; sleep 30"));
    awaitFile(started);

    worker.guard().stop();

    assertThat(backend.model.lockHolder(CALL)).isEmpty();
    assertThat(worker.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("was stopped", "was unlocked");
    assertThat(backend.model.get("x", CALL).fields()).containsEntry("CallStatus", 2);
  }

  @Test
  void stoppingWhileWaitingForTheLockEndsTheWaitWithoutRunningTheCommand() throws Exception {
    Path marker = dir.resolve("ran");
    Worker worker =
        new Worker(
            new ByteArrayOutputStream(),
            CallRef.of(1002),
            LockWait.upTo(Duration.ofMinutes(5)),
            List.of("touch", marker.toString()));

    worker.guard().stop();

    assertThat(worker.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(marker).doesNotExist();
    assertThat(backend.model.lockHolder(CallRef.of(1002))).contains("jsmith");
  }

  /**
   * Runs with-lock's core on its own thread, as the CLI's main thread does: the guard belongs to
   * that thread and is closed by it once the call is unlocked, which is what lets {@link
   * ShutdownGuard#stop()} return.
   */
  private final class Worker {

    private final CompletableFuture<ShutdownGuard> guard = new CompletableFuture<>();
    private final CompletableFuture<Integer> exitCode;

    Worker(ByteArrayOutputStream err, CallRef ref, LockWait wait, List<String> command) {
      CallService service = new CallService(backend.connect(signedIn(), ExchangeLog.NONE));
      CliContext context = context(err);
      Console console = new Console(context.out(), context.err(), false, false, "with-lock");
      CallUpdate update = CallUpdate.builder().status(5).build();
      exitCode =
          CompletableFuture.supplyAsync(
              () -> {
                try (ShutdownGuard own = ShutdownGuard.detached(Duration.ofSeconds(20))) {
                  guard.complete(own);
                  return new LockedCommandRun(context, console)
                      .run(service, ref, wait, update, command, own);
                }
              });
    }

    ShutdownGuard guard() throws Exception {
      return guard.get(10, TimeUnit.SECONDS);
    }

    int exitCode() throws Exception {
      return exitCode.get(10, TimeUnit.SECONDS);
    }
  }

  private static ConnectionSettings signedIn() {
    return new ConnectionSettings(
        "https://asm.example.org/p", new Credentials.BearerToken(InMemoryBackend.TOKEN));
  }

  private CliContext context(ByteArrayOutputStream err) {
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new CliContext(
        Map.of(), out, errStream, backend, false, () -> {}, Duration.ofSeconds(5));
  }

  private static void awaitFile(Path file) throws InterruptedException {
    for (int i = 0; i < 200 && !Files.exists(file); i++) {
      Thread.sleep(50);
    }
    assertThat(file).exists();
  }
}
