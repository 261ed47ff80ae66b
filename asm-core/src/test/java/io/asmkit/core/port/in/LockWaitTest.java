package io.asmkit.core.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.InvalidInputException;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How long to wait for another user's lock, and the pauses between attempts. */
class LockWaitTest {

  @Test
  void failsFastWithoutATimeout() {
    assertThat(LockWait.failFast().isFailFast()).isTrue();
    assertThat(LockWait.failFast().timeout()).isZero();
    assertThat(LockWait.upTo(Duration.ZERO).isFailFast()).isTrue();
    assertThat(LockWait.failFast()).hasToString("LockWait[fail fast]");
  }

  @Test
  void waitsUpToTheTimeout() {
    LockWait wait = LockWait.upTo(Duration.ofMinutes(2));

    assertThat(wait.isFailFast()).isFalse();
    assertThat(wait.timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(wait).hasToString("LockWait[up to PT2M]");
  }

  @Test
  void doublesThePausesFromOneSecondUpToThirty() {
    LockWait wait = LockWait.upTo(Duration.ofHours(1));

    assertThat(IntStream.rangeClosed(1, 8).mapToObj(wait::pauseAfter))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    assertThat(wait.pauseAfter(10_000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void refusesANegativeTimeoutSayingZeroFailsAtOnce() {
    assertThatThrownBy(() -> LockWait.upTo(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PT-1S")
        .hasMessageContaining("give zero to fail at once");
  }

  @Test
  void refusesPausesThatAreNotPositiveOrOutOfOrder() {
    Duration minute = Duration.ofMinutes(1);

    assertThatThrownBy(() -> LockWait.upTo(minute, Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("first pause must be positive");
    assertThatThrownBy(() -> LockWait.upTo(minute, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> LockWait.upTo(minute, Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not longer than the longest");
  }
}
