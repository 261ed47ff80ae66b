package io.asmkit.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves forward by hand, so token expiry needs no sleeping. */
final class MovableClock extends Clock {

  private volatile Instant now = Instant.parse("2026-12-01T10:00:00Z");

  /** Moves the clock forward. */
  void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The test clock has one zone.");
  }
}
