package io.asmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallNotFoundException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.RequestRejectedException;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.domain.UnlockFailedException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fields, status titles and the exit-code mapping. */
class ArgumentsTest {

  private static final CallRef REF = CallRef.of(7);

  @Test
  void fieldsAreTextUnlessWrittenWithColonEquals() {
    assertThat(FieldArgument.parse("CustomString1=a=b"))
        .isEqualTo(new FieldArgument("CustomString1", "a=b"));
    assertThat(FieldArgument.parse("Note=")).isEqualTo(new FieldArgument("Note", ""));
    assertThat(FieldArgument.parse("Urgency:=2")).isEqualTo(new FieldArgument("Urgency", 2));
    assertThat(FieldArgument.parse("Big:=12345678901").value()).isEqualTo(12345678901L);
    assertThat(FieldArgument.parse("Cost:=12.50").value()).isEqualTo(new BigDecimal("12.50"));
    assertThat(FieldArgument.parse("Flag:=true").value()).isEqualTo(true);
    assertThat(FieldArgument.parse("Urgency=2").value()).isEqualTo("2");
  }

  @Test
  void fieldLiteralsThatAreNotNumbersOrBooleansAreRefused() {
    assertThatThrownBy(() -> FieldArgument.parse("Urgency:=high"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--field Urgency:=high is not a number or true/false");
  }

  @Test
  void statusTitlesMapNamesToNumbersIgnoringCase() {
    StatusTitles titles = StatusTitles.from(Map.of(StatusTitles.VARIABLE, "Deployed=5,Resolved=6"));

    assertThat(titles.resolve("DEPLOYED")).isEqualTo(5);
    assertThat(titles.resolve("6")).isEqualTo(6);
    assertThatThrownBy(() -> titles.resolve("Gone"))
        .hasMessageContaining("'Gone' is neither a number nor a title")
        .hasMessageContaining("deployed, resolved");
  }

  @Test
  void statusTitlesWithoutTheVariableAcceptOnlyNumbers() {
    assertThatThrownBy(() -> StatusTitles.from(Map.of()).resolve("Deployed"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ASM_STATUS_TITLES");
  }

  @Test
  void malformedStatusTitlesAreRefused() {
    assertThatThrownBy(() -> StatusTitles.from(Map.of(StatusTitles.VARIABLE, "Deployed:5")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'Deployed:5' that is not Title=Number");
  }

  @Test
  void exitCodesFollowTheFailureType() {
    assertThat(ExitCodes.of(new InvalidInputException("x"))).isEqualTo(2);
    assertThat(ExitCodes.of(new AuthenticationException("x", null, 401, null, null))).isEqualTo(3);
    assertThat(ExitCodes.of(new CallNotFoundException("x", REF, 404, null, null))).isEqualTo(4);
    assertThat(ExitCodes.of(CallLockedException.heldBy(REF, "jsmith"))).isEqualTo(5);
    assertThat(ExitCodes.of(unavailable())).isEqualTo(6);
    assertThat(ExitCodes.of(new RequestRejectedException("x", REF, 400, null, null))).isEqualTo(1);
    assertThat(ExitCodes.of(new IllegalStateException())).isEqualTo(1);
  }

  @Test
  void unlockFailuresExitAsTheirLastFailure() {
    UnlockFailedException failed = new UnlockFailedException(REF, 4, unavailable());

    assertThat(ExitCodes.of(failed)).isEqualTo(6);
    assertThat(ExitCodes.typeOf(failed)).isEqualTo("unlock_failed");
  }

  private static ServerUnavailableException unavailable() {
    return new ServerUnavailableException("x", REF, 503, null, null);
  }
}
