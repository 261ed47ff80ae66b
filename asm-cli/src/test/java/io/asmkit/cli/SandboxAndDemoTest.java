package io.asmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code sandbox} and {@code demo} against the in-memory backend. */
class SandboxAndDemoTest {

  private final InMemoryBackend backend = new InMemoryBackend();
  private final CliRun cli = new CliRun(backend);

  @Test
  void sandboxPrintsItsAddressAndHowToPointTheCliAtIt() {
    CliRun.Result result = cli.run("sandbox", "--port", "8089");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("ASM sandbox running at http://127.0.0.1:8089/sandbox")
        .contains("export ASM_URL=http://127.0.0.1:8089/sandbox")
        .contains("1002 Open locked by jsmith")
        .contains("Ctrl-C");
    assertThat(backend.operations).containsExactly("sandbox closed");
  }

  @Test
  void sandboxRefusesABadTokenLifetime() {
    CliRun.Result result = cli.run("sandbox", "--access-token-lifetime", "forever");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--access-token-lifetime 'forever' is not a duration");
  }

  @Test
  void demoWalksTheSampleCallsAndLeavesNothingLockedByItself() {
    CliRun.Result result = cli.run("demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("1. Read call 1000")
        .contains("$ asm lock 1000")
        .contains("> PUT /fake/call/1000/lock -> 200")
        .contains("Refused, as expected: Call 1002 is locked by 'jsmith'")
        .contains("asm with-lock 1001 --status 5 --")
        .contains("  deploying call 1001")
        .contains("Calls still locked in the sandbox: 1002 (by jsmith)");
    assertThat(backend.model.lockedRefs()).hasSize(1);
    assertThat(backend.model.get("x", io.asmkit.core.domain.CallRef.of(1001)).fields())
        .containsEntry("CallStatus", 5);
  }
}
