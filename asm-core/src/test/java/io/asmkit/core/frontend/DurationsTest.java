package io.asmkit.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void readsUnitsAndPlainSeconds() {
    assertThat(Durations.parse("t", "45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Durations.parse("t", "5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("t", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("t", " 2H ")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("t", "1m5s")).isEqualTo(Duration.ofSeconds(65));
    assertThat(Durations.parse("t", "120")).isEqualTo(Duration.ofSeconds(120));
    assertThat(Durations.parse("t", "0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void refusesTextThatIsNotADurationNamingTheParameter() {
    assertThatThrownBy(() -> Durations.parse("timeout", "5 minutes"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'timeout' is '5 minutes'")
        .hasMessageContaining("1h30m");
    assertThatThrownBy(() -> Durations.parse("timeout", "-5s"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Durations.parse("timeout", "")).hasMessageContaining("is empty");
  }

  @Test
  void refusesMoreThanAWeek() {
    assertThatThrownBy(() -> Durations.parse("timeout", "169h"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("longer than a week");
  }

  @Test
  void writesDurationsTheWayItReadsThem() {
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Durations.format(Duration.ofSeconds(3601))).isEqualTo("1h1s");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.parse("t", Durations.format(Duration.ofSeconds(7384))))
        .isEqualTo(Duration.ofSeconds(7384));
  }
}
