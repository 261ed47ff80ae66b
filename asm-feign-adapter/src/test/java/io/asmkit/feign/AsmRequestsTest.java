package io.asmkit.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.CallOperation;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.PlannedOperation;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsmRequestsTest {

  private static final AsmBaseUrl BASE = AsmBaseUrl.parse("https://asm.example.org/prod");
  private static final String API = "https://asm.example.org/prod/alemba.api/api/v2/";
  private static final CallRef REF = CallRef.of(1234);

  @Test
  void plansLockUnlockAndSubmitAsPutsWithoutBody() {
    assertThat(plan(CallOperation.LOCK, REF, Map.of()))
        .isEqualTo(new PlannedRequest("PUT", java.net.URI.create(API + "call/1234/lock"), null));
    assertThat(plan(CallOperation.UNLOCK, REF, Map.of()).uri())
        .hasToString(API + "call/1234/unlock");
    assertThat(plan(CallOperation.SUBMIT, REF, Map.of()).uri())
        .hasToString(API + "call/1234/submit");
  }

  @Test
  void plansAGetOfTheCall() {
    PlannedRequest request = plan(CallOperation.GET, REF, Map.of());

    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.uri()).hasToString(API + "call/1234");
    assertThat(request.jsonBody()).isNull();
  }

  @Test
  void plansAnUpdateWithTheFieldsInNameOrder() {
    PlannedRequest request =
        plan(
            CallOperation.UPDATE,
            REF,
            Map.of(
                "Description",
                "a",
                "DescriptionHtml",
                "a",
                "CallStatus",
                3,
                "Cost",
                new BigDecimal("1.50")));

    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.uri()).hasToString(API + "call/1234");
    assertThat(request.jsonBody())
        .isEqualTo(
            "{\"CallStatus\":3,\"Cost\":1.50,\"Description\":\"a\",\"DescriptionHtml\":\"a\"}");
  }

  @Test
  void plansActionsWithTheirParametersAsAPlainObject() {
    PlannedRequest forward = plan(CallOperation.FORWARD, REF, Map.of("ReceivingGroup", 7));
    PlannedRequest close = plan(CallOperation.CLOSE, REF, Map.of());

    assertThat(forward.uri()).hasToString(API + "call/1234/forward");
    assertThat(forward.jsonBody()).isEqualTo("{\"ReceivingGroup\":7}");
    assertThat(close.method()).isEqualTo("PUT");
    assertThat(close.uri()).hasToString(API + "call/1234/close");
    assertThat(close.jsonBody()).isEqualTo("{}");
  }

  @Test
  void plansACreateAsAPostOfTheFields() {
    PlannedRequest request =
        plan(CallOperation.CREATE, null, Map.of("Description", "x", "DescriptionHtml", "x"));

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri()).hasToString(API + "call");
    assertThat(request.jsonBody()).isEqualTo("{\"Description\":\"x\",\"DescriptionHtml\":\"x\"}");
    assertThat(request.toString()).startsWith("POST " + API + "call {");
  }

  @Test
  void refusesOperationsThatLackTheirCall() {
    assertThatThrownBy(() -> plan(CallOperation.LOCK, null, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lock needs a call reference");
  }

  @Test
  void refusesFieldsOnOperationsThatSendNone() {
    assertThatThrownBy(() -> plan(CallOperation.UNLOCK, REF, Map.of("CallStatus", 3)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unlock sends no fields");
  }

  @Test
  void refusesAnUpdateWithoutFields() {
    assertThatThrownBy(() -> plan(CallOperation.UPDATE, REF, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least one field");
  }

  private static PlannedRequest plan(
      CallOperation operation, CallRef ref, Map<String, Object> fields) {
    return AsmRequests.plan(BASE, new PlannedOperation(operation, ref, fields));
  }
}
