package io.asmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.fail;

import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallNotFoundException;
import io.asmkit.core.domain.CallOperation;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.PlannedOperation;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.port.out.CallPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dry runs plan every change and send none; reads may go to the real port. */
class DryRunCallPortTest {

  private static final CallRef REF = CallRef.of(1234);

  private final ReadOnlyPort real = new ReadOnlyPort();
  private final DryRunCallPort dryRun = new DryRunCallPort(real);
  private final CallUpdate update = CallUpdate.builder().description("a < b").status(3).build();

  @Test
  void plansEveryChangeWithItsFieldsAndSendsNone() {
    dryRun.lock(REF);
    dryRun.update(REF, update);
    dryRun.unlock(REF);
    dryRun.perform(REF, CallAction.of(CallAction.Kind.FORWARD, Map.of("ReceivingGroup", 7)));
    dryRun.perform(REF, CallAction.of(CallAction.Kind.DEFER));
    dryRun.perform(REF, CallAction.of(CallAction.Kind.CLOSE));
    CallRef created = dryRun.create(CallUpdate.builder().description("new").build());
    dryRun.submit(created);

    assertThat(dryRun.planned())
        .containsExactly(
            new PlannedOperation(CallOperation.LOCK, REF, Map.of()),
            new PlannedOperation(CallOperation.UPDATE, REF, update.fields()),
            new PlannedOperation(CallOperation.UNLOCK, REF, Map.of()),
            new PlannedOperation(CallOperation.FORWARD, REF, Map.of("ReceivingGroup", 7)),
            new PlannedOperation(CallOperation.DEFER, REF, Map.of()),
            new PlannedOperation(CallOperation.CLOSE, REF, Map.of()),
            new PlannedOperation(
                CallOperation.CREATE, null, Map.of("Description", "new", "DescriptionHtml", "new")),
            new PlannedOperation(CallOperation.SUBMIT, DryRunCallPort.PLACEHOLDER_REF, Map.of()));
    assertThat(dryRun.planned()).allMatch(p -> p.operation().changesCall());
    assertThat(real.reads).isEmpty();
  }

  @Test
  void plansTheUpdateWithTheDerivedHtml() {
    dryRun.update(REF, update);

    assertThat(dryRun.planned().get(0).fields())
        .containsOnly(
            entry("Description", "a < b"),
            entry("DescriptionHtml", "a &lt; b"),
            entry("CallStatus", 3));
  }

  @Test
  void keepsTheFieldsInTheOrderTheyWouldBeSent() {
    CallUpdate.Builder builder = CallUpdate.builder();
    for (int i = 1; i <= 12; i++) {
      builder.field("CustomString" + i, "v" + i);
    }
    CallUpdate many = builder.description("d").build();

    dryRun.update(REF, many);

    assertThat(dryRun.planned().get(0).fields().keySet())
        .containsExactlyElementsOf(many.fieldNames());
    assertThat(dryRun.planned().get(0).toString())
        .startsWith("update call 1234 {CustomString1=v1, CustomString2=v2,")
        .endsWith("Description=d, DescriptionHtml=d}");
  }

  @Test
  void plansAnActionWhoseParameterIsEmpty() {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("Reason", null);

    dryRun.perform(REF, CallAction.of(CallAction.Kind.DEFER, parameters));

    assertThat(dryRun.planned())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.operation()).isEqualTo(CallOperation.DEFER);
              assertThat(p.fields()).containsExactly(entry("Reason", null));
            });
  }

  @Test
  void returnsAPlaceholderForACreatedCall() {
    CallRef created = dryRun.create(update);

    assertThat(created).isEqualTo(DryRunCallPort.PLACEHOLDER_REF);
    assertThat(created.value()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void readsFromTheRealPortWithoutPlanningTheRead() {
    Call call = dryRun.get(REF);

    assertThat(call.description()).contains("from the real port");
    assertThat(real.reads).containsExactly(REF);
    assertThat(dryRun.planned()).isEmpty();
  }

  @Test
  void reportsAnUnknownCallFromTheRealPort() {
    CallRef unknown = CallRef.of(999);

    assertThatThrownBy(() -> dryRun.get(unknown)).isInstanceOf(CallNotFoundException.class);

    assertThat(real.reads).containsExactly(unknown);
  }

  @Test
  void plansTheReadWhenThereIsNoRealPort() {
    DryRunCallPort alone = new DryRunCallPort(null);

    Call call = alone.get(REF);

    assertThat(call.ref()).isEqualTo(REF);
    assertThat(call.fields()).isEmpty();
    assertThat(alone.planned())
        .containsExactly(new PlannedOperation(CallOperation.GET, REF, Map.of()));
  }

  @Test
  void givesASnapshotOfThePlanThatCannotBeChanged() {
    dryRun.lock(REF);
    List<PlannedOperation> snapshot = dryRun.planned();

    dryRun.unlock(REF);

    assertThat(snapshot).hasSize(1);
    assertThatThrownBy(() -> snapshot.add(snapshot.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> snapshot.get(0).fields().put("X", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void plansLockUpdateAndUnlockWhenRunningLockedWork() {
    CallService service = new CallService(dryRun, new FakeTime(), UnlockRetry.defaults());

    String description =
        service.runLocked(
            REF,
            LockWait.failFast(),
            call -> {
              call.update(update);
              return call.get().description().orElseThrow();
            });

    assertThat(description).isEqualTo("from the real port");
    assertThat(dryRun.planned())
        .extracting(PlannedOperation::operation)
        .containsExactly(CallOperation.LOCK, CallOperation.UPDATE, CallOperation.UNLOCK);
    assertThat(dryRun.planned().get(1).fields()).isEqualTo(update.fields());
    assertThat(dryRun.planned()).extracting(PlannedOperation::callRef).containsOnly(REF);
    assertThat(real.reads).containsExactly(REF);
  }

  @Test
  void plansNoUnlockAfterLockedWorkClosedTheCall() {
    CallService service = new CallService(dryRun, new FakeTime(), UnlockRetry.defaults());

    service.runLocked(
        REF,
        LockWait.failFast(),
        call -> {
          call.perform(CallAction.of(CallAction.Kind.CLOSE));
          return null;
        });

    assertThat(dryRun.planned())
        .extracting(PlannedOperation::operation)
        .containsExactly(CallOperation.LOCK, CallOperation.CLOSE);
  }

  @Test
  void describesPlannedOperationsForPeople() {
    assertThat(new PlannedOperation(CallOperation.LOCK, REF, Map.of()))
        .hasToString("lock call 1234");
    assertThat(new PlannedOperation(CallOperation.CREATE, null, Map.of("Urgency", 2)))
        .hasToString("create {Urgency=2}");
  }

  @Test
  void keepsThePlannedFieldsWhenTheGivenMapChangesAfterwards() {
    Map<String, Object> fields = new LinkedHashMap<>(Map.of("Urgency", 2));
    PlannedOperation planned = new PlannedOperation(CallOperation.UPDATE, REF, fields);

    fields.put("Impact", 1);

    assertThat(planned.fields()).containsExactly(entry("Urgency", 2));
  }

  /** A real port that serves reads and fails the test on any request that would change a call. */
  private static final class ReadOnlyPort implements CallPort {

    final List<CallRef> reads = new ArrayList<>();

    @Override
    public Call get(CallRef ref) {
      reads.add(ref);
      if (!ref.equals(REF)) {
        throw new CallNotFoundException("Call " + ref + " does not exist.", ref, 404, null, null);
      }
      return new Call(ref, Map.of("Description", "from the real port"));
    }

    @Override
    public void lock(CallRef ref) {
      fail("a dry run sent a lock");
    }

    @Override
    public void update(CallRef ref, CallUpdate update) {
      fail("a dry run sent an update");
    }

    @Override
    public void unlock(CallRef ref) {
      fail("a dry run sent an unlock");
    }

    @Override
    public void perform(CallRef ref, CallAction action) {
      fail("a dry run sent a " + action.kind().pathName());
    }

    @Override
    public CallRef create(CallUpdate fields) {
      return fail("a dry run sent a create");
    }

    @Override
    public void submit(CallRef ref) {
      fail("a dry run sent a submit");
    }
  }
}
