package io.asmkit.cli;

import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.UnlockFailedException;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a command while a call is locked, the heart of {@code with-lock} (and of the demo): lock,
 * run the command with {@code ASM_CALL_REF} set, apply the update only when it exits 0, and unlock
 * on every outcome, Ctrl-C included.
 */
final class LockedCommandRun {

  /** The variable that tells the command which call is locked. */
  static final String CALL_REF_VARIABLE = "ASM_CALL_REF";

  private final CliContext context;
  private final Console console;

  LockedCommandRun(CliContext context, Console console) {
    this.context = context;
    this.console = console;
  }

  /**
   * Runs {@code command} with the call locked, reports the outcome and returns the exit code: 0,
   * the command's own code when it fails, 127 when it cannot start, or the failure's code.
   *
   * @param update applied after the command exits 0, or {@code null} for none
   */
  int run(
      CallService service,
      CallRef ref,
      LockWait wait,
      CallUpdate update,
      List<String> command,
      ShutdownGuard guard) {
    int[] commandExit = {-1};
    try {
      service.runLocked(
          ref,
          wait,
          call -> {
            console.say("Locked call " + ref + ". Running: " + shellWords(command));
            commandExit[0] = runCommand(ref, command, guard);
            if (commandExit[0] == 0 && update != null && !guard.stopping()) {
              call.update(update);
              console.say(
                  "Command succeeded. Updated call "
                      + ref
                      + ": "
                      + String.join(", ", update.fieldNames())
                      + ".");
            }
            return null;
          });
    } catch (IOException notStarted) {
      reportSuppressedUnlockFailure(notStarted);
      return commandNotStarted(ref, command, notStarted);
    } catch (UnlockFailedException unlock) {
      if (commandExit[0] > 0) {
        console.note("asm: " + unlock.getMessage());
        return commandFailed(ref, commandExit[0], guard, false);
      }
      return console.fail(unlock);
    } catch (AsmException failure) {
      if (guard.stopping() && !(failure instanceof CallLockedException)) {
        unlockQuietly(service, ref);
      }
      reportSuppressedUnlockFailure(failure);
      return console.fail(failure);
    }

    console.put("callRef", ref.value());
    console.put("commandExitCode", commandExit[0]);
    if (commandExit[0] != 0) {
      return commandFailed(ref, commandExit[0], guard, true);
    }
    console.put("updated", update == null ? List.of() : List.copyOf(update.fieldNames()));
    console.put("unlocked", true);
    console.say("Unlocked call " + ref + ".");
    return console.succeed();
  }

  /** The command as a shell would show it: words with spaces or quotes in single quotes. */
  static String shellWords(List<String> command) {
    StringBuilder line = new StringBuilder();
    for (String word : command) {
      if (line.length() > 0) {
        line.append(' ');
      }
      boolean plain = !word.isEmpty() && word.matches("[A-Za-z0-9_./=:,+@%-]+");
      line.append(plain ? word : "'" + word.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }

  /** The work failed and the unlock after it failed too: say both, the unlock first. */
  private void reportSuppressedUnlockFailure(Exception failure) {
    for (Throwable suppressed : failure.getSuppressed()) {
      if (suppressed instanceof UnlockFailedException unlock) {
        console.note("asm: " + unlock.getMessage());
      }
    }
  }

  /**
   * The lock was interrupted while its request may have reached ASM: unlock in case it did.
   * Unlocking a call nobody holds succeeds; one held by someone else is refused, and left alone.
   */
  private void unlockQuietly(CallService service, CallRef ref) {
    try {
      service.unlock(ref);
    } catch (AsmException ignored) {
      // Best effort while the process stops; the failure being reported is the first one.
    }
  }

  private int runCommand(CallRef ref, List<String> command, ShutdownGuard guard)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(context.env());
    builder.environment().put(CALL_REF_VARIABLE, ref.toString());
    boolean copyOutput = !context.inheritChildIo() || console.json();
    if (context.inheritChildIo()) {
      builder.redirectInput(Redirect.INHERIT);
      builder.redirectError(Redirect.INHERIT);
      builder.redirectOutput(console.json() ? Redirect.PIPE : Redirect.INHERIT);
    }

    Process process = guard.start(builder);
    if (process == null) {
      console.note("asm: stopping: the command was not started.");
      return ExitCodes.INTERRUPTED;
    }

    List<Thread> copies = new ArrayList<>();
    if (!context.inheritChildIo()) {
      process.getOutputStream().close();
      copies.add(copy(process.getErrorStream(), context.err()));
    }
    if (copyOutput) {
      copies.add(copy(process.getInputStream(), console.json() ? context.err() : context.out()));
    }

    int exit = waitFor(process);
    for (Thread copy : copies) {
      joinQuietly(copy);
    }
    return exit;
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      // Only a stopping process interrupts this thread: stop the command, and go on to unlock.
      ShutdownGuard.terminate(process);
      return process.isAlive() ? ExitCodes.INTERRUPTED : process.exitValue();
    }
  }

  private static Thread copy(InputStream from, PrintStream to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from) {
                transfer(in, to);
              } catch (IOException closed) {
                // The command ended; nothing more to copy.
              }
            },
            "asm-command-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void transfer(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
      out.flush();
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int commandNotStarted(CallRef ref, List<String> command, IOException failure) {
    String message =
        "could not start '"
            + command.get(0)
            + "' ("
            + failure.getMessage()
            + "). Call "
            + ref
            + " was unlocked and not updated. Check the command's name and that it is executable.";
    console.note("asm: " + message);
    return console.fail(
        error("command_not_started", ref, message, null), ExitCodes.COMMAND_NOT_STARTED);
  }

  private int commandFailed(CallRef ref, int exitCode, ShutdownGuard guard, boolean unlocked) {
    String how =
        guard.stopping()
            ? "was stopped (Ctrl-C or SIGTERM)"
            : "failed with exit code " + exitCode + describeSignal(exitCode);
    String message =
        "the command "
            + how
            + ". Call "
            + ref
            + (unlocked ? " was unlocked" : " may still be locked")
            + " and not updated.";
    if (unlocked) {
      console.say("Unlocked call " + ref + ".");
    }
    console.note("asm: " + message);
    console.put("unlocked", unlocked);
    int code = guard.stopping() ? ExitCodes.INTERRUPTED : exitCode;
    return console.fail(error("command_failed", ref, message, exitCode), code);
  }

  private static String describeSignal(int exitCode) {
    return exitCode > 128 && exitCode < 160 ? " (killed by signal " + (exitCode - 128) + ")" : "";
  }

  private static Map<String, Object> error(
      String type, CallRef ref, String message, Integer commandExitCode) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("callRef", ref.value());
    if (commandExitCode != null) {
      error.put("commandExitCode", commandExitCode);
    }
    error.put("message", message);
    return error;
  }
}
