package io.asmkit.it;

import io.asmkit.cli.AsmCli;
import io.asmkit.sandbox.AsmSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the {@code asm} command in this JVM, through its public entry point {@link
 * AsmCli#run}, as a pipeline would start it: credentials in the environment, never in arguments.
 *
 * @param exitCode the exit code the process would have
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code asm args...} against the sandbox, logging in as {@code user}. */
  static CliRun as(AsmSandbox sandbox, Pipelines.User user, List<String> args) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("ASM_URL", sandbox.baseUrl().toString());
    env.put("ASM_USERNAME", user.name());
    env.put("ASM_PASSWORD", user.password());
    env.put("ASM_CLIENT_ID", Pipelines.CLIENT_ID);
    return withEnv(env, args);
  }

  /** Runs {@code asm args...} with exactly the environment {@code env}. */
  static CliRun withEnv(Map<String, String> env, List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = AsmCli.run(args.toArray(String[]::new), Map.copyOf(env), o, e);
    }
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Both outputs, for searching. */
  String all() {
    return out + "\n" + err;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "; stderr: " + err.strip();
  }
}
