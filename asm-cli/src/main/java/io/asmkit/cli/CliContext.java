package io.asmkit.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a command may touch outside itself, passed in so that tests run the CLI in-process.
 *
 * @param env the environment variables (the process's own in {@link AsmCli#main})
 * @param out standard output
 * @param err standard error
 * @param backend the HTTP client, request planner and sandbox
 * @param inheritChildIo whether a {@code with-lock} command shares the CLI's own terminal (true in
 *     {@link AsmCli#main}); when false, its output is copied to {@code out} and {@code err}
 * @param untilStopped what {@code sandbox} does while serving: wait until the process stops
 * @param unlockGrace how long a Ctrl-C waits for {@code with-lock} to stop its command and unlock
 */
record CliContext(
    Map<String, String> env,
    PrintStream out,
    PrintStream err,
    Backend backend,
    boolean inheritChildIo,
    Waiter untilStopped,
    Duration unlockGrace) {

  /** The default time a Ctrl-C waits for {@code with-lock} to unlock. */
  static final Duration DEFAULT_UNLOCK_GRACE = Duration.ofSeconds(20);

  /** Blocks the serving thread. */
  @FunctionalInterface
  interface Waiter {
    /** Returns when the serving should stop. */
    void await() throws InterruptedException;

    /** Waits until the process is stopped (Ctrl-C, SIGTERM). */
    static Waiter forever() {
      return () -> new java.util.concurrent.CountDownLatch(1).await();
    }
  }
}
