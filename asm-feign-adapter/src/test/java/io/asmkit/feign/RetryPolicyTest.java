package io.asmkit.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.InvalidInputException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void doublesThePauseUpToTheLongestWithEqualJitter() {
    RetryPolicy policy =
        RetryPolicy.of(10, Duration.ofMinutes(5))
            .withPauses(Duration.ofSeconds(1), Duration.ofSeconds(4));

    assertThat(policy.pauseAfter(1, () -> 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.pauseAfter(1, () -> 1.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.pauseAfter(2, () -> 1.0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.pauseAfter(3, () -> 1.0)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.pauseAfter(9, () -> 1.0)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void refusesFewerThanOneAttempt() {
    assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void refusesANegativeTotalTime() {
    assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void describesTheNoRetryPolicyAsOneAttempt() {
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.defaults().toString()).isEqualTo("RetryPolicy[4 attempts within PT1M]");
  }

  @Test
  void readsRetryAfterAsSecondsOrAsAnHttpDate() {
    assertThat(Retrier.retryAfter(Optional.of(" 7 "))).isEqualTo(Duration.ofSeconds(7));
    assertThat(Retrier.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")))
        .isEqualTo(Duration.ZERO);
    assertThat(Retrier.retryAfter(Optional.of("99999999999999999"))).isEqualTo(Duration.ofDays(1));
    assertThat(Retrier.retryAfter(Optional.of("soon"))).isNull();
    assertThat(Retrier.retryAfter(Optional.empty())).isNull();
  }
}
