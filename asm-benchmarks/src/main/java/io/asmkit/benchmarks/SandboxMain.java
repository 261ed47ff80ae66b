package io.asmkit.benchmarks;

import io.asmkit.sandbox.AsmSandbox;
import java.time.Duration;

/**
 * Runs a sandbox for bench/run.sh: {@code SandboxMain PORT}. Prints its base address on the first
 * line of standard output, then serves until the process is stopped. Listens on 127.0.0.1 only.
 */
public final class SandboxMain {

  private SandboxMain() {}

  /** Starts the sandbox on the given port (0 for a free one) and serves until stopped. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    AsmSandbox sandbox =
        AsmSandbox.builder().port(port).accessTokenLifetime(Duration.ofHours(2)).start();
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-stop"));
    System.out.println(sandbox.baseUrl());
    System.out.flush();
    sandbox.awaitTermination();
  }
}
