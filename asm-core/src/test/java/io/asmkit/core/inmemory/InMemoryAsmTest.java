package io.asmkit.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.ActionNotAllowedException;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.RequestRejectedException;
import io.asmkit.core.port.out.CallPort;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory ASM's rules beyond the port contract: fields, statuses, stages, several users. */
class InMemoryAsmTest {

  private final InMemoryAsm asm = new InMemoryAsm();
  private final CallPort deployer = asm.portFor("deployer");
  private final CallPort jsmith = asm.portFor("jsmith");
  private final CallRef open =
      asm.addCall(CallStage.OPEN, Map.of("Description", "d", "DescriptionHtml", "d"));

  @Test
  void numbersCallsFromTheFirstReference() {
    InMemoryAsm numbered = new InMemoryAsm(InMemoryAsm.defaultStatusTitles(), 5000);

    CallRef first = numbered.addCall(CallStage.NEW, Map.of());
    CallRef second = numbered.portFor("u").create(CallUpdate.builder().status(1).build());

    assertThat(first).isEqualTo(CallRef.of(5000));
    assertThat(second).isEqualTo(CallRef.of(5001));
    assertThat(numbered.refs()).containsExactly(first, second);
  }

  @Test
  void refusesAStatusTheSystemDoesNotHave() {
    deployer.lock(open);

    assertThatThrownBy(() -> deployer.update(open, CallUpdate.builder().status(99).build()))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessageContaining("CallStatus 99");
    deployer.update(open, CallUpdate.builder().status(3).build());

    assertThat(deployer.get(open).status()).hasValue(3);
    assertThat(asm.statusTitles()).containsEntry(3, "In Progress");
  }

  @Test
  void refusesRichTextSentWithoutItsHtml() {
    asm.addRichTextField("Resolution");
    deployer.lock(open);

    assertThatThrownBy(
            () -> deployer.update(open, CallUpdate.builder().field("Resolution", "x").build()))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessageContaining("Resolution must be sent together with ResolutionHtml");
    deployer.update(
        open, CallUpdate.builder().richText("Resolution").field("Resolution", "x").build());

    assertThat(deployer.get(open).field("ResolutionHtml")).contains("x");
  }

  @Test
  void refusesActionParametersThatBreakTheRichTextPairs() {
    deployer.lock(open);

    assertThatThrownBy(
            () ->
                deployer.perform(
                    open,
                    CallAction.of(CallAction.Kind.CLOSE, Map.of("DescriptionHtml", "<p>x</p>"))))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessageContaining("DescriptionHtml must be sent together with Description");

    assertThat(asm.stage(open)).isEqualTo(CallStage.OPEN);
    assertThat(asm.lockHolder(open)).contains("deployer");
  }

  @Test
  void refusesANewCallLockedByAnotherUserToBeUpdated() {
    CallRef fresh = deployer.create(CallUpdate.builder().description("new").build());
    jsmith.lock(fresh);

    assertThatThrownBy(() -> deployer.update(fresh, CallUpdate.builder().status(2).build()))
        .isInstanceOfSatisfying(
            CallLockedException.class, e -> assertThat(e.holder()).contains("jsmith"));
  }

  @Test
  void refusesToUpdateOrActOnAClosedCall() {
    deployer.lock(open);
    deployer.perform(open, CallAction.of(CallAction.Kind.CLOSE));

    assertThatThrownBy(() -> deployer.update(open, CallUpdate.builder().status(2).build()))
        .isInstanceOf(ActionNotAllowedException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> deployer.perform(open, CallAction.of(CallAction.Kind.CLOSE)))
        .isInstanceOf(ActionNotAllowedException.class)
        .hasMessageContaining("closed again");
  }

  @Test
  void appliesActionParametersAsFieldChanges() {
    deployer.lock(open);

    deployer.perform(open, CallAction.of(CallAction.Kind.FORWARD, Map.of("ReceivingGroup", 7)));

    assertThat(deployer.get(open).field("ReceivingGroup")).contains(7);
  }

  @Test
  void letsTheHolderReleaseTheLockForAnotherUser() {
    jsmith.lock(open);
    assertThatThrownBy(() -> deployer.lock(open)).isInstanceOf(CallLockedException.class);

    jsmith.unlock(open);
    deployer.lock(open);

    assertThat(asm.lockHolder(open)).contains("deployer");
    assertThat(asm.lockedRefs()).containsExactly(open);
  }

  @Test
  void showsTheReferenceAmongTheFieldsRead() {
    assertThat(deployer.get(open).field("Ref")).contains(open.value());
  }
}
