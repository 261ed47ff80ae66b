package io.asmkit.cli;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.frontend.Durations;
import io.asmkit.core.inmemory.InMemoryAsm;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code asm sandbox}: serves a local imitation of ASM until Ctrl-C. */
@Command(
    name = "sandbox",
    description = {
      "Start the ASM sandbox, a local imitation of the ASM REST API with sample users and calls,"
          + " and serve it until Ctrl-C.",
      "It listens on 127.0.0.1 only. See docs/sandbox.md."
    })
final class SandboxCommand extends SandboxHostCommand {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8089",
      description = "Port to listen on, 0 for a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description = "JSON file of users, status titles and calls to serve (see docs/sandbox.md).")
  Path data;

  @Option(
      names = "--access-token-lifetime",
      paramLabel = "DURATION",
      description = "How long access tokens live (10m, 30s, PT1H). Default: 10m, as ASM.")
  String accessTokenLifetime;

  SandboxCommand(CliContext context) {
    super(context);
  }

  @Override
  int execute(Console console) throws InterruptedException {
    Duration lifetime =
        accessTokenLifetime == null
            ? null
            : Durations.parseOption("--access-token-lifetime", accessTokenLifetime);
    SandboxSettings settings = new SandboxSettings(port, data, lifetime);

    try (RunningSandbox sandbox = context.backend().startSandbox(settings)) {
      Thread stopper = new Thread(() -> stopped(sandbox, console), "asm-sandbox-shutdown");
      Runtime.getRuntime().addShutdownHook(stopper);
      describe(sandbox, console);

      context.untilStopped().await();

      Runtime.getRuntime().removeShutdownHook(stopper);
    }
    return console.succeed();
  }

  private void stopped(RunningSandbox sandbox, Console console) {
    sandbox.close();
    console.say("Sandbox stopped.");
  }

  private void describe(RunningSandbox sandbox, Console console) {
    String url = sandbox.baseUrl().toString();
    console.say("ASM sandbox running at " + url);
    if (data == null) {
      console.say(
          "Sample user: "
              + RunningSandbox.SAMPLE.username()
              + " (password: "
              + RunningSandbox.SAMPLE.password()
              + "), API client id: "
              + RunningSandbox.SAMPLE.clientId());
    } else {
      console.say("Users and calls: from " + data);
    }
    console.say("Calls: " + summary(sandbox.model()));
    console.say("");
    console.say("Point the CLI at it from another terminal:");
    console.say("  export ASM_URL=" + url);
    if (data == null) {
      console.say(
          "  export ASM_USERNAME="
              + RunningSandbox.SAMPLE.username()
              + " ASM_CLIENT_ID="
              + RunningSandbox.SAMPLE.clientId());
      console.say("  export ASM_PASSWORD=" + RunningSandbox.SAMPLE.password() + "   # sample only");
    }
    console.say("  ./asm get 1000");
    console.say("");
    console.say("Press Ctrl-C to stop.");
  }

  /** "1000 Open, 1002 Open locked by jsmith, …", for the start-up message. */
  static String summary(InMemoryAsm model) {
    StringBuilder text = new StringBuilder();
    for (CallRef ref : model.refs()) {
      if (text.length() > 0) {
        text.append(", ");
      }
      String stage = model.stage(ref).name();
      text.append(ref)
          .append(' ')
          .append(stage.charAt(0))
          .append(stage.substring(1).toLowerCase(java.util.Locale.ROOT));
      model.lockHolder(ref).ifPresent(holder -> text.append(" locked by ").append(holder));
    }
    return text.length() == 0 ? "none" : text.toString();
  }
}
