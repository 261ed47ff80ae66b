package io.asmkit.cli;

import picocli.CommandLine.Option;

/**
 * The options that choose how a command reports: {@code --json}, {@code --verbose}, {@code
 * --debug}.
 */
final class OutputOptions {

  @Option(
      names = "--json",
      description = "Print one JSON object on stdout (errors too), for scripts and pipelines.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Print one line per HTTP exchange on stderr: method, path, status, time. No headers,"
              + " no bodies.")
  boolean verbose;

  @Option(names = "--debug", description = "Print stack traces of failures on stderr.")
  boolean debug;
}
