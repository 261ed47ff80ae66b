package io.asmkit.cli;

import io.asmkit.core.frontend.Durations;
import io.asmkit.core.port.in.LockWait;
import picocli.CommandLine.Option;

/** The {@code --wait} option: how long to wait for a lock held by someone else. */
final class WaitOption {

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      description =
          "Wait up to DURATION for a lock held by someone else (30s, 5m, 1h, 90 for seconds,"
              + " or PT2M). Without it, such a lock fails at once with exit code 5.")
  String wait;

  /** The wait policy: fail fast without {@code --wait}. */
  LockWait lockWait() {
    return wait == null
        ? LockWait.failFast()
        : LockWait.upTo(Durations.parseOption("--wait", wait));
  }
}
