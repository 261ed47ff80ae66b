package io.asmkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.UnlockFailedException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command's output goes: short human lines on stdout, or one JSON object on stdout with
 * {@code --json}; errors, warnings and {@code --verbose} lines on stderr, prefixed with {@code
 * asm:}.
 */
final class Console {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final PrintStream err;
  private final boolean json;
  private final boolean debug;
  private final Map<String, Object> report = new LinkedHashMap<>();
  private String indent = "";

  Console(PrintStream out, PrintStream err, boolean json, boolean debug, String command) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.debug = debug;
    report.put("ok", true);
    report.put("command", command);
  }

  /** Indents every later human line on stdout by {@code prefix}: the demo nests steps. */
  Console indented(String prefix) {
    this.indent = prefix;
    return this;
  }

  /** Whether the output is JSON. */
  boolean json() {
    return json;
  }

  /** Prints a human line on stdout, unless the output is JSON. */
  void say(String line) {
    if (!json) {
      out.println(line.isEmpty() ? line : indent + line);
      out.flush();
    }
  }

  /** Prints a line on stderr, whatever the output format: for exchanges and progress. */
  void note(String line) {
    err.println(line);
    err.flush();
  }

  /** Prints a warning on stderr. */
  void warn(String message) {
    note("asm: warning: " + message);
  }

  /** Adds a field to the JSON object printed at the end. */
  void put(String name, Object value) {
    report.put(name, value);
  }

  /** Ends a successful command: prints the JSON object when asked to, and returns 0. */
  int succeed() {
    return finish(ExitCodes.OK);
  }

  /**
   * Ends a command with a failure: prints {@code asm: <message>} and a hint on stderr (the stack
   * trace only with {@code --debug}), the JSON object when asked to, and returns the exit code.
   */
  int fail(Throwable failure) {
    return fail(failure, ExitCodes.of(failure));
  }

  /** As {@link #fail(Throwable)}, with an exit code chosen by the caller. */
  int fail(Throwable failure, int exitCode) {
    String message = messageOf(failure);
    note("asm: " + message);
    String hint = hintFor(failure);
    if (hint != null) {
      note("asm: " + hint);
    }
    if (debug) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      note(trace.toString().stripTrailing());
    }

    report.put("ok", false);
    report.put("error", errorObject(failure, message));
    return finish(exitCode);
  }

  /** Ends a command that failed in a way described by {@code error}, with {@code exitCode}. */
  int fail(Map<String, Object> error, int exitCode) {
    report.put("ok", false);
    report.put("error", error);
    return finish(exitCode);
  }

  private int finish(int exitCode) {
    report.put("exitCode", exitCode);
    if (json) {
      out.println(toJson(report));
      out.flush();
    }
    return exitCode;
  }

  /** Serializes a value as one line of JSON. */
  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the JSON output", e);
    }
  }

  /** Reads a JSON text into plain maps and lists, for embedding a request body in the output. */
  static Object fromJson(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return text;
    }
  }

  private static String messageOf(Throwable failure) {
    String message = failure.getMessage();
    if (failure instanceof AsmException) {
      return message;
    }
    return "unexpected failure: "
        + failure.getClass().getSimpleName()
        + (message == null ? "" : ": " + message)
        + " (run again with --debug for details)";
  }

  private static Map<String, Object> errorObject(Throwable failure, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", ExitCodes.typeOf(failure));
    if (failure instanceof AsmException asm) {
      asm.callRef().ifPresent(ref -> error.put("callRef", ref.value()));
      if (asm instanceof CallLockedException locked) {
        locked.holder().ifPresent(holder -> error.put("holder", holder));
      }
      if (asm instanceof UnlockFailedException unlock) {
        error.put("cause", ExitCodes.typeOf(unlock.lastFailure()));
      }
      asm.httpStatus().ifPresent(status -> error.put("httpStatus", status));
    }
    error.put("message", message);
    return error;
  }

  private static String hintFor(Throwable failure) {
    Throwable cause =
        failure instanceof UnlockFailedException unlock ? unlock.lastFailure() : failure;
    return switch (ExitCodes.typeOf(cause)) {
      case "authentication_failed" ->
          "check ASM_TOKEN, or ASM_USERNAME, ASM_PASSWORD (or --password-file) and ASM_CLIENT_ID.";
      case "asm_unavailable" -> "check --url or ASM_URL and that ASM is up, then try again later.";
      case "action_not_allowed" ->
          failure instanceof AsmException asm
                  && asm.callRef().isPresent()
                  && asm.serverMessage()
                      .orElse(String.valueOf(asm.getMessage()))
                      .contains("not locked by you")
              ? "an Open call must be locked by you first: use 'asm with-lock "
                  + asm.callRef().map(CallRef::toString).orElse("REF")
                  + " … -- COMMAND', or 'asm lock' then 'asm unlock'."
              : null;
      default -> null;
    };
  }
}
