package io.asmkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand of {@code asm}: runs, and turns any failure into a message on stderr and its exit
 * code, through the one mapping in {@link ExitCodes}.
 */
abstract class AsmCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  final CliContext context;

  AsmCommand(CliContext context) {
    this.context = context;
  }

  /** How this command reports. */
  abstract OutputOptions output();

  /** Does the work, reporting through {@code console}; returns the exit code. */
  abstract int execute(Console console) throws Exception;

  @Override
  public Integer call() {
    Console console =
        new Console(context.out(), context.err(), output().json, output().debug, spec.name());
    try {
      return execute(console);
    } catch (Exception | LinkageError failure) {
      return console.fail(failure);
    }
  }
}
