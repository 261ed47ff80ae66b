package io.asmkit.cli;

import picocli.CommandLine.Option;

/**
 * A subcommand that runs the sandbox in this process instead of calling a configured ASM system, so
 * it has no {@code --json} or {@code --verbose}; only {@code --debug}.
 */
abstract class SandboxHostCommand extends AsmCommand {

  @Option(names = "--debug", description = "Print stack traces of failures on stderr.")
  boolean debug;

  SandboxHostCommand(CliContext context) {
    super(context);
  }

  @Override
  final OutputOptions output() {
    OutputOptions output = new OutputOptions();
    output.debug = debug;
    return output;
  }
}
