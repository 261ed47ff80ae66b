package io.asmkit.core.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that only moves when slept on: sleeping records the pause and advances the clock at once.
 * Like {@link Thread#sleep}, sleeping with the interrupt flag set clears it and throws.
 */
final class FakeTime implements TimeSource {

  /** Something to do while "sleeping", such as another user releasing a lock. */
  @FunctionalInterface
  interface OnSleep {
    void after(int sleepNumber) throws InterruptedException;
  }

  private final List<Duration> pauses = new ArrayList<>();
  private long nanos = 1_000_000_000_000L;
  private OnSleep onSleep = n -> {};

  @Override
  public long nanoTime() {
    return nanos;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before sleeping");
    }
    pauses.add(duration);
    nanos += duration.toNanos();
    onSleep.after(pauses.size());
  }

  /** Runs {@code action} after each pause, with the pause's number counted from 1. */
  void onSleep(OnSleep action) {
    this.onSleep = action;
  }

  /** Every pause so far, in order. */
  List<Duration> pauses() {
    return List.copyOf(pauses);
  }

  /** The time slept in all. */
  Duration slept() {
    return pauses.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
