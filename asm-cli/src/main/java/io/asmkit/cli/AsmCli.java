package io.asmkit.cli;

import io.asmkit.core.domain.CallAction;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code asm} command: lock, update and unlock ASM calls from scripts and pipelines. */
@Command(
    name = "asm",
    mixinStandardHelpOptions = true,
    versionProvider = AsmCli.Version.class,
    description = {
      "Lock, update and unlock Alemba Service Manager calls from scripts and pipelines,"
          + " without leaving a call locked or a secret in a log."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  ASM_URL            base address of the ASM system (or --url)",
      "  ASM_TOKEN          a bearer token, or a password login with:",
      "  ASM_USERNAME       the user name,",
      "  ASM_PASSWORD       the password (or --password-file FILE),",
      "  ASM_CLIENT_ID      the API client id,",
      "  ASM_SCOPE          optional, default session-type:Analyst,",
      "  ASM_CLIENT_SECRET  optional, when the API client has one",
      "  ASM_STATUS_TITLES  titles for --status, such as Deployed=5,Resolved=6",
      "",
      "No option takes a secret: other users of the machine can see arguments.",
      "Try 'asm demo'; every command and option: docs/cli.md."
    })
public final class AsmCli implements Runnable {

  private static final List<String> SECRET_WORDS =
      List.of("password", "passwd", "token", "secret", "pwd");

  private final CliContext context;

  private AsmCli(CliContext context) {
    this.context = context;
  }

  /** Runs {@code asm} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /**
   * Runs {@code asm} without exiting, for tests and embedding. A {@code with-lock} command shares
   * this process's own standard streams, whatever {@code out} and {@code err} are.
   *
   * @param env the environment variables to read configuration and credentials from
   * @return the exit code (see {@code asm --help})
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    return run(
        args,
        new CliContext(
            env,
            out,
            err,
            new HttpBackend(),
            true,
            CliContext.Waiter.forever(),
            CliContext.DEFAULT_UNLOCK_GRACE));
  }

  /** Runs {@code asm} in the given context. */
  static int run(String[] args, CliContext context) {
    CommandLine commandLine = commandLine(context);
    return commandLine.execute(args);
  }

  /** Builds the command tree with its handlers. */
  static CommandLine commandLine(CliContext context) {
    CommandLine commandLine = new CommandLine(new AsmCli(context));
    commandLine.addSubcommand(new LockCommand(context));
    commandLine.addSubcommand(new UnlockCommand(context));
    commandLine.addSubcommand(new GetCommand(context));
    commandLine.addSubcommand(new UpdateCommand(context));
    commandLine.addSubcommand(new WithLockCommand(context));
    for (CallAction.Kind kind : CallAction.Kind.values()) {
      CommandLine action = new CommandLine(new ActionCommand(context, kind));
      action.getCommandSpec().usageMessage().description(ActionCommand.description(kind));
      commandLine.addSubcommand(kind.pathName(), action);
    }
    commandLine.addSubcommand(new SandboxCommand(context));
    commandLine.addSubcommand(new DemoCommand(context));

    configure(commandLine, context);
    return commandLine;
  }

  private static void configure(CommandLine commandLine, CliContext context) {
    commandLine.setOut(new PrintWriter(context.out(), true));
    commandLine.setErr(new PrintWriter(context.err(), true));
    commandLine.setExpandAtFiles(false);
    commandLine.setParameterExceptionHandler((failure, args) -> usageError(failure, args, context));
    commandLine.setExecutionExceptionHandler(
        (failure, line, parsed) ->
            new Console(context.out(), context.err(), false, true, line.getCommandName())
                .fail(failure));

    Map<String, String> exitCodes = new LinkedHashMap<>();
    for (String entry : ExitCodes.HELP_LIST) {
      int colon = entry.indexOf(':');
      exitCodes.put(entry.substring(0, colon), entry.substring(colon + 1));
    }
    for (CommandLine line : allOf(commandLine)) {
      line.getCommandSpec().mixinStandardHelpOptions(true);
      line.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
      line.getCommandSpec().usageMessage().exitCodeList(exitCodes);
    }
  }

  private static List<CommandLine> allOf(CommandLine root) {
    List<CommandLine> lines = new java.util.ArrayList<>(List.of(root));
    lines.addAll(root.getSubcommands().values());
    return lines;
  }

  /** {@code asm} without a command: the usage, on stderr, and exit code 2. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "Give a command, such as 'asm with-lock' or 'asm demo'.");
  }

  /** Reports bad usage on stderr (and as JSON with {@code --json}); never echoes a secret. */
  private static int usageError(ParameterException failure, String[] args, CliContext context) {
    String command = failure.getCommandLine().getCommandSpec().qualifiedName();
    String message = safeMessage(failure);

    PrintStream err = context.err();
    err.println("asm: " + message);
    err.println("asm: run '" + command + " --help' for the usage.");
    err.flush();

    if (Arrays.asList(args).contains("--json")) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("type", "invalid_usage");
      error.put("message", message);
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("ok", false);
      report.put("command", failure.getCommandLine().getCommandName());
      report.put("error", error);
      report.put("exitCode", ExitCodes.USAGE);
      context.out().println(Console.toJson(report));
      context.out().flush();
    }
    return ExitCodes.USAGE;
  }

  /**
   * Picocli's message, unless an unknown option looks like it carries a secret: then a message that
   * names no argument, since the next argument may be the secret itself.
   */
  private static String safeMessage(ParameterException failure) {
    if (!(failure instanceof UnmatchedArgumentException unmatched)) {
      return failure.getMessage();
    }

    for (String argument : unmatched.getUnmatched()) {
      String name = argument.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (name.startsWith("-") && SECRET_WORDS.stream().anyMatch(name::contains)) {
        return "secrets are not accepted as arguments, since other users of the machine can"
            + " see argument lists: set ASM_TOKEN, or ASM_PASSWORD, in the environment, or use"
            + " --password-file FILE.";
      }
    }

    List<String> suggestions = unmatched.getSuggestions();
    boolean atTop = failure.getCommandLine().getParent() == null;
    if (atTop && !unmatched.getUnmatched().isEmpty()) {
      return "'"
          + unmatched.getUnmatched().get(0)
          + "' is not an asm command"
          + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions))
          + "? Commands: "
          + String.join(", ", failure.getCommandLine().getSubcommands().keySet())
          + ".";
    }
    return failure.getMessage()
        + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?");
  }

  /** The version, from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = AsmCli.class.getPackage().getImplementationVersion();
      return new String[] {"asm " + (version == null ? "(development build)" : version)};
    }
  }
}
