package io.asmkit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that say where ASM is: {@code --url}, {@code --password-file} and {@code --dry-run}.
 * Secrets come only from the environment or the password file.
 */
final class ConnectionOptions {

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Base address of the ASM system, such as https://asm.example.org/production."
              + " Default: ASM_URL.")
  String url;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "Read the password for ASM_USERNAME from FILE (one trailing newline is ignored),"
              + " instead of ASM_PASSWORD.")
  Path passwordFile;

  @Option(
      names = "--dry-run",
      description =
          "Check the input and print the requests that would change the call, without sending"
              + " them. Reads are sent only when credentials are set.")
  boolean dryRun;
}
