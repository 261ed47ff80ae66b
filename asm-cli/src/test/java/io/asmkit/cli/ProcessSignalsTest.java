package io.asmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.core.domain.CallRef;
import io.asmkit.sandbox.AsmSandboxExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a real process ({@code java … io.asmkit.cli.AsmCli}) against an in-process sandbox:
 * {@code with-lock} unlocks when the CLI itself is stopped by SIGTERM or SIGINT (Ctrl-C).
 */
class ProcessSignalsTest {

  private static final String PASSWORD = "Pw-" + UUID.randomUUID();
  private static final CallRef CALL = CallRef.of(1001);

  @RegisterExtension final AsmSandboxExtension sandbox = new AsmSandboxExtension();

  @TempDir Path dir;

  @Test
  void sigtermStopsTheCommandAndUnlocksTheCall() throws Exception {
    Path started = dir.resolve("started");
    Process cli = startWithLock(started);
    awaitFile(started);

    cli.destroy();

    assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).isEqualTo(143);
    assertThat(sandbox.get().model().lockHolder(CALL)).isEmpty();
    assertThat(sandbox.get().model().get("x", CALL).fields()).containsEntry("CallStatus", 3);
    assertThat(output(cli)).contains("was unlocked").doesNotContain(PASSWORD);
  }

  @Test
  void ctrlCStopsTheCommandAndUnlocksTheCall() throws Exception {
    Path started = dir.resolve("started");
    Process cli = startWithLock(started);
    awaitFile(started);

    new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();

    assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).isEqualTo(130);
    assertThat(sandbox.get().model().lockHolder(CALL)).isEmpty();
    assertThat(output(cli)).doesNotContain(PASSWORD);
  }

  private Process startWithLock(Path started) throws IOException {
    sandbox.get().addUser("ci-bot", PASSWORD, "sandbox-client");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                AsmCli.class.getName(),
                "with-lock",
                "1001",
                "--status",
                "5",
                "--",
                "sh",
                "-c",
                "touch " + started + "; sleep 60"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(dir.resolve("output").toFile());
    builder.redirectInput(new File("/dev/null"));
    Map<String, String> env = builder.environment();
    env.put("ASM_URL", sandbox.get().baseUrl().toString());
    env.put("ASM_USERNAME", "ci-bot");
    env.put("ASM_PASSWORD", PASSWORD);
    env.put("ASM_CLIENT_ID", "sandbox-client");
    return builder.start();
  }

  private String output(Process cli) throws IOException {
    return Files.readString(dir.resolve("output"), StandardCharsets.UTF_8);
  }

  private static void awaitFile(Path file) throws InterruptedException {
    for (int i = 0; i < 400 && !Files.exists(file); i++) {
      Thread.sleep(50);
    }
    assertThat(file).exists();
  }
}
