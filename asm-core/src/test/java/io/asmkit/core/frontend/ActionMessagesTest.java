package io.asmkit.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.RequestRejectedException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActionMessagesTest {

  private static final CallRef CALL = CallRef.of(1234);

  @Test
  void saysWhatWasDoneToWhichCallOnWhichSite() {
    assertThat(ActionMessages.done(Action.LOCK, CALL, "prod"))
        .isEqualTo("ASM: locked call 1234 on 'prod'");
    assertThat(ActionMessages.done(Action.UNLOCK, CALL, "prod"))
        .isEqualTo("ASM: unlocked call 1234 on 'prod'");
  }

  @Test
  void listsTheFieldsAnUpdateSent() {
    CallUpdate update = CallUpdate.builder().description("Deployed").status(3).build();

    assertThat(ActionMessages.updated(CALL, "prod", update))
        .isEqualTo("ASM: updated call 1234 on 'prod' (Description, DescriptionHtml, CallStatus)");
  }

  @Test
  void saysWhoHoldsTheLockAndHowLongItWaits() {
    assertThat(ActionMessages.waiting(CALL, "prod", "jsmith", Duration.ofMinutes(5)))
        .isEqualTo("ASM: call 1234 on 'prod' is locked by 'jsmith'; waiting up to 5m for it");
    assertThat(ActionMessages.waiting(CALL, "prod", null, Duration.ofSeconds(90)))
        .contains("locked by another user; waiting up to 1m30s");
  }

  @Test
  void putsAFailureOnOneShortLine() {
    RequestRejectedException rejected =
        new RequestRejectedException(
            "ASM rejected the update of call 1234:\nDescriptionHtml is invalid.",
            CALL,
            400,
            null,
            null);

    String line = ActionMessages.failed(Action.UPDATE, CALL, "prod", rejected);

    assertThat(line)
        .isEqualTo(
            "ASM: could not update call 1234 on 'prod': ASM rejected the update of call 1234:"
                + " DescriptionHtml is invalid.");
  }

  @Test
  void namesTheKindOfAnUnexpectedFailure() {
    assertThat(ActionMessages.shortMessage(new IOException("connection reset")))
        .isEqualTo("IOException: connection reset");
    assertThat(ActionMessages.shortMessage(new IllegalStateException()))
        .isEqualTo("IllegalStateException");
    assertThat(ActionMessages.shortMessage(null)).isEqualTo("unknown failure");
  }

  @Test
  void cutsVeryLongMessages() {
    String line = ActionMessages.shortMessage(new IOException("x".repeat(2000)));

    assertThat(line).hasSize(400).endsWith("…");
  }

  @Test
  void namesTheVariableOfABoundTokenNeverItsValue() {
    assertThat(ActionMessages.tokenBound("prod", "ASM_TOKEN"))
        .isEqualTo("ASM: bound a bearer token for 'prod' to ASM_TOKEN (masked)");
  }
}
