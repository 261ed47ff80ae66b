package io.asmkit.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.port.in.LockWait;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallArgumentsTest {

  @Test
  void readsCallRefGivenAsTextOrAsWholeNumber() {
    assertThat(CallArguments.callRef("callRef", "1234")).isEqualTo(CallRef.of(1234));
    assertThat(CallArguments.callRef("callRef", new StringBuilder(" 77 ")))
        .isEqualTo(CallRef.of(77));
    assertThat(CallArguments.callRef("callRef", 1234)).isEqualTo(CallRef.of(1234));
    assertThat(CallArguments.callRef("callRef", 1234L)).isEqualTo(CallRef.of(1234));
    assertThat(CallArguments.callRef("callRef", BigInteger.valueOf(9))).isEqualTo(CallRef.of(9));
  }

  @Test
  void refusesMissingCallRefNamingTheParameter() {
    assertThatThrownBy(() -> CallArguments.callRef("callRef", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'callRef' is missing")
        .hasMessageContaining("1234");
  }

  @Test
  void refusesCallRefThatIsNotANumberNamingTheParameterAndTheValue() {
    assertThatThrownBy(() -> CallArguments.callRef("callRef", "INC-12"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Parameter 'callRef': ")
        .hasMessageContaining("'INC-12'");
    assertThatThrownBy(() -> CallArguments.callRef("callRef", -5))
        .hasMessageStartingWith("Parameter 'callRef': ")
        .hasMessageContaining("positive");
  }

  @Test
  void refusesCallRefOfAnotherTypeSayingWhatToGive() {
    assertThatThrownBy(() -> CallArguments.callRef("callRef", 12.5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'callRef' is a Double")
        .hasMessageContaining("whole number or as text");
  }

  @Test
  void turnsWholeNumbersIntoTextAndLeavesOtherValuesAlone() {
    assertThat(CallArguments.numberAsText(1234)).isEqualTo("1234");
    assertThat(CallArguments.numberAsText(55L)).isEqualTo("55");
    assertThat(CallArguments.numberAsText(BigInteger.TEN)).isEqualTo("10");
    assertThat(CallArguments.numberAsText("0042")).isEqualTo("0042");
    assertThat(CallArguments.numberAsText(2.5)).isEqualTo(2.5);
    assertThat(CallArguments.numberAsText(null)).isNull();
  }

  @Test
  void waitsFiveMinutesByDefault() {
    LockWait wait = CallArguments.lockWait(null, false);

    assertThat(wait.isFailFast()).isFalse();
    assertThat(wait.timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(CallArguments.lockWait("  ", false).timeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void waitsAsLongAsTheTimeoutSays() {
    assertThat(CallArguments.lockWait("90s", false).timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(CallArguments.lockWait("1h", false).timeout()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void failsAtOnceWhenAskedOrWhenTheTimeoutIsZero() {
    assertThat(CallArguments.lockWait(null, true).isFailFast()).isTrue();
    assertThat(CallArguments.lockWait("0", true).isFailFast()).isTrue();
    assertThat(CallArguments.lockWait("0s", false).isFailFast()).isTrue();
  }

  @Test
  void refusesFailIfLockedTogetherWithATimeout() {
    assertThatThrownBy(() -> CallArguments.lockWait("5m", true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'failIfLocked' and 'timeout'");
  }

  @Test
  void refusesATimeoutThatIsNotADurationNamingIt() {
    assertThatThrownBy(() -> CallArguments.lockWait("soon", false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'timeout'")
        .hasMessageContaining("'soon'");
  }
}
