package io.asmkit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the client knows of a call, unknown fields included. */
class CallTest {

  private static final CallRef REF = CallRef.of(1234);

  @Test
  void readsTheDescriptionAndTheStatus() {
    Call call = new Call(REF, Map.of("Description", "printer on fire", "CallStatus", 3));

    assertThat(call.ref()).isEqualTo(REF);
    assertThat(call.description()).contains("printer on fire");
    assertThat(call.status()).hasValue(3);
  }

  @Test
  void readsAStatusSentAsAnyKindOfNumber() {
    assertThat(new Call(REF, Map.of("CallStatus", 3L)).status()).hasValue(3);
    assertThat(new Call(REF, Map.of("CallStatus", new BigDecimal("4"))).status()).hasValue(4);
  }

  @Test
  void hasNoStatusWhenTheServerSentNoneOrNotANumber() {
    assertThat(new Call(REF, Map.of()).status()).isEmpty();
    assertThat(new Call(REF, Map.of("CallStatus", "In Progress")).status()).isEmpty();
    assertThat(new Call(REF, Map.of()).description()).isEmpty();
  }

  @Test
  void keepsUnknownFieldsInTheServersOrder() {
    Map<String, Object> sent = new LinkedHashMap<>();
    sent.put("Ref", 1234L);
    sent.put("_actions", Map.of("lock", List.of(Map.of("href", "api:v2/call/1234/lock"))));
    sent.put("CustomString1", "release-2026.12");
    sent.put("Location", null);

    Call call = new Call(REF, sent);

    assertThat(call.fields().keySet())
        .containsExactly("Ref", "_actions", "CustomString1", "Location");
    assertThat(call.field("CustomString1")).contains("release-2026.12");
    assertThat(call.field("_actions")).isPresent();
    assertThat(call.field("Location")).isEmpty();
    assertThat(call.field("Missing")).isEmpty();
  }

  @Test
  void isNotChangedByTheMapItWasMadeFrom() {
    Map<String, Object> sent = new LinkedHashMap<>(Map.of("Description", "before"));
    Call call = new Call(REF, sent);

    sent.put("Description", "after");

    assertThat(call.description()).contains("before");
    assertThatThrownBy(() -> call.fields().put("Description", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void namesTheCallAndItsFieldsButNotTheirValues() {
    Call call = new Call(REF, Map.of("Description", "secret-ish text"));

    assertThat(call).hasToString("Call[1234, fields=[Description]]");
  }

  @Test
  void checksTheNamesOfActionParameters() {
    assertThatThrownBy(() -> CallAction.of(CallAction.Kind.FORWARD, Map.of("receiving group", 7)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'receiving group'");
  }

  @Test
  void keepsActionParametersInOrderAndUnchangeable() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("ReceivingGroup", 7);
    parameters.put("Reason", "night shift");

    CallAction action = CallAction.of(CallAction.Kind.FORWARD, parameters);
    parameters.put("Urgency", 1);

    assertThat(action.kind()).isEqualTo(CallAction.Kind.FORWARD);
    assertThat(action.parameters())
        .containsExactly(entry("ReceivingGroup", 7), entry("Reason", "night shift"));
    assertThatThrownBy(() -> action.parameters().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(action).hasToString("forward{ReceivingGroup=7, Reason=night shift}");
    assertThat(CallAction.of(CallAction.Kind.CLOSE).parameters()).isEmpty();
  }

  @Test
  void namesActionsAsAsmAddressesDo() {
    assertThat(CallAction.Kind.FORWARD.pathName()).isEqualTo("forward");
    assertThat(CallAction.Kind.DEFER.pathName()).isEqualTo("defer");
    assertThat(CallAction.Kind.CLOSE.pathName()).isEqualTo("close");
  }

  @Test
  void mapsEachActionToItsOperationAndOnlyReadsAsNotChanging() {
    for (CallAction.Kind kind : CallAction.Kind.values()) {
      assertThat(CallOperation.of(kind).name()).isEqualTo(kind.name());
    }
    assertThat(CallOperation.values())
        .filteredOn(operation -> !operation.changesCall())
        .containsExactly(CallOperation.GET);
  }
}
