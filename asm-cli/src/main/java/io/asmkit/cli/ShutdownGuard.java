package io.asmkit.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@code with-lock}'s promise on Ctrl-C and SIGTERM: a JVM shutdown hook that stops the
 * command and waits (bounded) until the call has been unlocked by the thread running the lock.
 *
 * <p>The worker thread moves through three phases: locking (the hook interrupts it, so a lock wait
 * ends at once), running (the hook stops the command, so {@code waitFor} returns and the unlock
 * follows), and finished (the hook has nothing left to wait for). Starting the command and reading
 * the phase happen under one monitor, so the hook never misses a command that is about to start.
 */
final class ShutdownGuard implements AutoCloseable {

  private static final Duration COMMAND_GRACE = Duration.ofSeconds(5);

  private final Thread worker = Thread.currentThread();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Duration unlockGrace;
  private final Thread hook;

  private boolean locking = true;
  private boolean stopping;
  private Process command;

  private ShutdownGuard(Duration unlockGrace, boolean install) {
    this.unlockGrace = unlockGrace;
    this.hook = new Thread(this::stop, "asm-with-lock-shutdown");
    if (install) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /** Installs the guard for the current thread, which is about to lock a call. */
  static ShutdownGuard install(Duration unlockGrace) {
    return new ShutdownGuard(unlockGrace, true);
  }

  /** A guard that is not installed as a hook: tests call {@link #stop()} themselves. */
  static ShutdownGuard detached(Duration unlockGrace) {
    return new ShutdownGuard(unlockGrace, false);
  }

  /**
   * Starts the command, unless the process is stopping.
   *
   * @return the started command, or {@code null} when stopping
   */
  synchronized Process start(ProcessBuilder builder) throws IOException {
    locking = false;
    if (stopping) {
      return null;
    }
    command = builder.start();
    return command;
  }

  /** Whether a Ctrl-C or SIGTERM has arrived. */
  synchronized boolean stopping() {
    return stopping;
  }

  /** What the shutdown hook does: stop the command, then wait for the unlock. */
  void stop() {
    Process running;
    synchronized (this) {
      stopping = true;
      if (locking) {
        worker.interrupt();
      }
      running = command;
    }

    if (running != null) {
      terminate(running);
    }

    try {
      finished.await(unlockGrace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops a command and its children: politely, then forcibly after a few seconds. */
  static void terminate(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(COMMAND_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(COMMAND_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Says the call is unlocked (or never was locked), and removes the hook. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running: it returns now that the latch is open.
    }
  }
}
