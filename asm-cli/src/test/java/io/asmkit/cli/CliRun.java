package io.asmkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process against a backend and keeps what it printed. */
final class CliRun {

  /** What one run returned and printed. */
  record Result(int exitCode, String out, String err) {

    /** The one JSON object printed on stdout. */
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (Exception e) {
        throw new AssertionError("stdout is not one JSON object: " + out, e);
      }
    }

    /** Everything printed, for searching secrets. */
    String all() {
      return out + "\n" + err;
    }
  }

  private final Backend backend;
  private final Map<String, String> env = new HashMap<>();

  CliRun(Backend backend) {
    this.backend = backend;
  }

  /** Sets an environment variable for the following runs. */
  CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Signs in with the backend's accepted token, at a plausible address. */
  CliRun signedIn() {
    return env(Configuration.URL, "https://asm.example.org/production")
        .env(Configuration.TOKEN, InMemoryBackend.TOKEN);
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    CliContext context =
        new CliContext(
            Map.copyOf(env), outStream, errStream, backend, false, () -> {}, Duration.ofSeconds(5));

    int exitCode = AsmCli.run(args, context);

    return new Result(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
