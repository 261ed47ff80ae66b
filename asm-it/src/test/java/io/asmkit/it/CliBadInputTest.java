package io.asmkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Command lines the CLI must refuse with exit code 2 before sending anything: the first line of
 * standard error names what was wrong, and no secret appears in either output.
 */
class CliBadInputTest {

  @RegisterExtension static AsmSandboxExtension sandbox = new AsmSandboxExtension();

  private static final Secrets SECRETS = new Secrets();

  /** A password given, wrongly, as an argument: it must not be echoed. */
  private static final String ARGUMENT_PASSWORD = "Arg-Pa55word-77d2";

  /**
   * One bad command line.
   *
   * @param name the case's name
   * @param args the arguments
   * @param withCredentials whether the environment has the URL and a login (else only a token)
   * @param mention what the first line of standard error must name
   */
  record BadCommandLine(String name, List<String> args, boolean withCredentials, String mention) {
    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesWithExitCodeTwoBeforeSendingAnything(BadCommandLine bad) {
    AsmSandbox asm = sandbox.get();
    Pipelines.User user = Pipelines.newUser(asm, SECRETS);
    SECRETS.add(ARGUMENT_PASSWORD);
    asm.clearRequests();

    CliRun run =
        bad.withCredentials()
            ? CliRun.as(asm, user, bad.args())
            : CliRun.withEnv(Map.of("ASM_TOKEN", "abcdefghijkl"), bad.args());

    assertThat(run.exitCode()).as("exit code of %s", run).isEqualTo(2);
    assertThat(asm.requests()).as("requests sent").isEmpty();
    String first = run.err().strip().lines().findFirst().orElse("");
    assertThat(first).as("first line of stderr").containsIgnoringCase(bad.mention());
    assertThat(first.length()).as("length of: " + first).isLessThanOrEqualTo(600);
    SECRETS.assertNoneIn("the CLI's output for '" + bad + "'", run.all());
    Findings.record("cli-bad-input", bad.toString(), "exit " + run.exitCode(), first);
  }

  static Stream<BadCommandLine> cases() {
    return Stream.of(
        new BadCommandLine(
            "asm with-lock abc -- true", List.of("with-lock", "abc", "--", "true"), true, "abc"),
        new BadCommandLine(
            "asm with-lock 1000 (no command)", List.of("with-lock", "1000"), true, "--"),
        new BadCommandLine(
            "asm frobnicate 1000", List.of("frobnicate", "1000"), true, "frobnicate"),
        new BadCommandLine(
            "asm update 1000 --field lower=1",
            List.of("update", "1000", "--field", "lower=1"),
            true,
            "lower"),
        new BadCommandLine(
            "asm update 1000 --status Deployed (no status titles)",
            List.of("update", "1000", "--status", "Deployed"),
            true,
            "Deployed"),
        new BadCommandLine(
            "asm lock 1000 --url ftp://127.0.0.1/sandbox",
            List.of("lock", "1000", "--url", "ftp://127.0.0.1/sandbox"),
            true,
            "ftp"),
        new BadCommandLine("asm lock (no reference)", List.of("lock"), true, "REF"),
        new BadCommandLine(
            "asm lock 1000 --password (secret as an argument)",
            List.of("lock", "1000", "--password", ARGUMENT_PASSWORD),
            true,
            "environment"),
        new BadCommandLine(
            "asm lock 1000 without ASM_URL", List.of("lock", "1000"), false, "ASM_URL"));
  }
}
