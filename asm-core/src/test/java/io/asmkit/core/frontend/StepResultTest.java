package io.asmkit.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.ServerUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepResultTest {

  private static final CallRef CALL = CallRef.of(1234);

  @Test
  void describesASuccessfulLockWithPlainValues() {
    Map<String, Object> result =
        StepResult.success(Action.LOCK, "prod", CALL).holder("deployer").toMap();

    assertThat(result)
        .containsExactly(
            entry("ok", true),
            entry("action", "lock"),
            entry("site", "prod"),
            entry("callRef", 1234L),
            entry("locked", true),
            entry("holder", "deployer"));
  }

  @Test
  void saysTheLockIsGoneAfterAnUnlock() {
    assertThat(StepResult.success(Action.UNLOCK, "prod", CALL).toMap())
        .containsEntry("locked", false);
  }

  @Test
  void listsTheFieldsAndStatusOfAnUpdate() {
    CallUpdate update = CallUpdate.builder().description("Deployed").status(3).build();

    Map<String, Object> result =
        StepResult.success(Action.UPDATE, "prod", CALL).update(update).toMap();

    assertThat(result)
        .containsEntry("fields", List.of("Description", "DescriptionHtml", "CallStatus"))
        .containsEntry("status", 3)
        .doesNotContainKey("locked");
  }

  @Test
  void namesTheHolderOfARefusedLock() {
    Map<String, Object> result =
        StepResult.failure(Action.LOCK, "prod", CALL, CallLockedException.heldBy(CALL, "jsmith"));

    assertThat(result)
        .containsEntry("ok", false)
        .containsEntry("locked", false)
        .containsEntry("holder", "jsmith");
    assertThat((String) result.get("error")).startsWith("Call 1234 is locked by 'jsmith'.");
  }

  @Test
  void describesAFailureWithoutACall() {
    Map<String, Object> result =
        StepResult.failure(
            Action.GET,
            "prod",
            null,
            new ServerUnavailableException("ASM did not answer.", null, 0, null, null));

    assertThat(result).doesNotContainKey("callRef").containsEntry("error", "ASM did not answer.");
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    Map<String, Object> result =
        StepResult.success(Action.UPDATE, "prod", CALL)
            .update(CallUpdate.builder().status(2).build())
            .toMap();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(result);
    }
    Object copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }

    assertThat(copy).isEqualTo(result);
  }
}
