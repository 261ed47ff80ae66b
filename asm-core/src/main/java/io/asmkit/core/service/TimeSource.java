package io.asmkit.core.service;

import java.time.Duration;

/** The passing of time, injected so that tests of waiting and retrying run instantly. */
public interface TimeSource {

  /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Pauses the current thread. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real clock and {@link Thread#sleep}. */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }
}
