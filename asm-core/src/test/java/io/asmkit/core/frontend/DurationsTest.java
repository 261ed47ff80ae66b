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
  void readsTheFormsTheCommandLineAccepts() {
    assertThat(Durations.parseOption("--wait", "30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parseOption("--wait", "5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parseOption("--wait", "1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parseOption("--wait", "90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parseOption("--wait", "PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parseOption("--wait", " pt1m30s ")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parseOption("--wait", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parseOption("--wait", "5 m")).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void readsEveryFormForParametersAndOptionsAlike() {
    for (String text : new String[] {"1h30m", "90m", "5400", "5400s", "PT1H30M", " 1H 30M "}) {
      assertThat(Durations.parse("timeout", text)).isEqualTo(Duration.ofMinutes(90));
      assertThat(Durations.parseOption("--wait", text)).isEqualTo(Duration.ofMinutes(90));
    }
    assertThat(Durations.parse("timeout", "250ms")).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void refusesOtherTextNamingTheOption() {
    assertThatThrownBy(() -> Durations.parseOption("--wait", "-5s"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--wait '-5s' is not a duration")
        .hasMessageContaining("PT2M");
    assertThatThrownBy(() -> Durations.parseOption("--wait", "PT-1S"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Durations.parseOption("--wait", "5 minutes"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Durations.parseOption("--wait", " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--wait '' is not a duration");
    assertThatThrownBy(() -> Durations.parse("timeout", "PT-1S"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'timeout' is 'PT-1S'");
    assertThatThrownBy(() -> Durations.parse("timeout", "ms"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void letsOptionsBeLongerThanAWeek() {
    assertThat(Durations.parseOption("--wait", "169h")).isEqualTo(Duration.ofHours(169));
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
    assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1s");
    assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(Durations.parse("t", Durations.format(Duration.ofMillis(500))))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("t", Durations.format(Duration.ofSeconds(7384))))
        .isEqualTo(Duration.ofSeconds(7384));
  }
}
