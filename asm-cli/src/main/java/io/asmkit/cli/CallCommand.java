package io.asmkit.cli;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.PlannedOperation;
import io.asmkit.core.frontend.Durations;
import io.asmkit.core.port.in.LockWaitListener;
import io.asmkit.core.port.out.CallPort;
import io.asmkit.core.service.CallService;
import io.asmkit.core.service.DryRunCallPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;

/** A subcommand that talks to an ASM system: knows where it is, how to sign in, and dry runs. */
abstract class CallCommand extends AsmCommand {

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin OutputOptions output = new OutputOptions();

  CallCommand(CliContext context) {
    super(context);
  }

  @Override
  OutputOptions output() {
    return output;
  }

  /** Parses a call reference given on the command line. */
  static CallRef ref(String text) {
    return CallRef.parse(text);
  }

  /**
   * Reads the settings and makes the client, sending nothing yet. In a dry run the client records
   * changes instead of sending them, and reads too when no credentials are set. The service tells
   * once on stderr when it starts waiting for another user's lock.
   */
  Session open(Console console) {
    ConnectionSettings settings =
        new Configuration(context.env(), console)
            .resolve(connection.url, connection.passwordFile, !connection.dryRun);
    context.backend().checkUrl(settings.url());

    ExchangeLog log = output.verbose ? verboseLog(console) : ExchangeLog.NONE;
    CallPort real = settings.signIn().isPresent() ? context.backend().connect(settings, log) : null;
    if (!connection.dryRun) {
      return new Session(settings.url(), service(real, console), null, true);
    }

    DryRunCallPort dryRun = new DryRunCallPort(real);
    return new Session(settings.url(), service(dryRun, console), dryRun, real != null);
  }

  private static CallService service(CallPort calls, Console console) {
    return new CallService(calls).withLockWaitListener(waitNotice(console));
  }

  /** "asm: call 1002 is locked by 'jsmith'; waiting up to 1s for it.", on stderr. */
  private static LockWaitListener waitNotice(Console console) {
    return (ref, held, timeout) ->
        console.note(
            "asm: call "
                + ref
                + " is locked by "
                + held.holder().map(holder -> "'" + holder + "'").orElse("another user")
                + "; waiting up to "
                + Durations.format(timeout)
                + " for it.");
  }

  /** The {@code --verbose} line of one exchange, on stderr. */
  static ExchangeLog verboseLog(Console console) {
    return (method, path, status, elapsed) ->
        console.note(
            method
                + " "
                + path
                + " -> "
                + (status == 0 ? "no reply" : String.valueOf(status))
                + " ("
                + elapsed.toMillis()
                + " ms)");
  }

  /** The use cases over the client, and the dry run's record when this is one. */
  final class Session {

    private final String url;
    private final CallService service;
    private final DryRunCallPort dryRun;
    private final boolean readsSent;

    Session(String url, CallService service, DryRunCallPort dryRun, boolean readsSent) {
      this.url = url;
      this.service = service;
      this.dryRun = dryRun;
      this.readsSent = readsSent;
    }

    CallService service() {
      return service;
    }

    boolean isDryRun() {
      return dryRun != null;
    }

    /** Whether the dry run planned anything (a read included, when it could not be sent). */
    boolean plannedAnything() {
      return dryRun != null && !dryRun.planned().isEmpty();
    }

    /** Prints what a dry run would have sent; does nothing otherwise. */
    void reportPlan(Console console) {
      if (dryRun == null) {
        return;
      }

      List<Map<String, Object>> requests = new ArrayList<>();
      console.say(
          readsSent
              ? "Dry run: nothing that changes a call was sent. It would send:"
              : "Dry run: nothing was sent (no credentials are set). It would send:");
      for (PlannedOperation operation : dryRun.planned()) {
        RequestPlan plan = context.backend().plan(url, operation);
        console.say("  " + plan.method() + " " + plan.uri());
        if (plan.jsonBody() != null) {
          console.say("    " + plan.jsonBody());
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", plan.method());
        request.put("url", plan.uri());
        request.put("body", plan.jsonBody() == null ? null : Console.fromJson(plan.jsonBody()));
        requests.add(request);
      }
      console.put("dryRun", true);
      console.put("requests", requests);
    }
  }
}
