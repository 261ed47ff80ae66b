package io.asmkit.core.service;

import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallOperation;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.PlannedOperation;
import io.asmkit.core.port.out.CallPort;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A call port for dry runs: it records every operation that would change a call and sends none of
 * them. Reads go to the real port, when one is given, so that a dry run can still check that the
 * call exists.
 */
public final class DryRunCallPort implements CallPort {

  /** The reference {@link #create} returns: no call was created, so there is no real one. */
  public static final CallRef PLACEHOLDER_REF = CallRef.of(Long.MAX_VALUE);

  private final CallPort reads;
  private final List<PlannedOperation> planned = new CopyOnWriteArrayList<>();

  /**
   * Creates a dry-run port.
   *
   * @param reads the real port for {@link #get}, or {@code null} to plan reads too
   */
  public DryRunCallPort(CallPort reads) {
    this.reads = reads;
  }

  /** Every operation planned so far, in order. */
  public List<PlannedOperation> planned() {
    return List.copyOf(planned);
  }

  @Override
  public Call get(CallRef ref) {
    if (reads != null) {
      return reads.get(ref);
    }
    plan(CallOperation.GET, ref, Map.of());
    return new Call(ref, Map.of());
  }

  @Override
  public void lock(CallRef ref) {
    plan(CallOperation.LOCK, ref, Map.of());
  }

  @Override
  public void update(CallRef ref, CallUpdate update) {
    plan(CallOperation.UPDATE, ref, update.fields());
  }

  @Override
  public void unlock(CallRef ref) {
    plan(CallOperation.UNLOCK, ref, Map.of());
  }

  @Override
  public void perform(CallRef ref, CallAction action) {
    plan(CallOperation.of(action.kind()), ref, action.parameters());
  }

  @Override
  public CallRef create(CallUpdate fields) {
    plan(CallOperation.CREATE, null, fields.fields());
    return PLACEHOLDER_REF;
  }

  @Override
  public void submit(CallRef ref) {
    plan(CallOperation.SUBMIT, ref, Map.of());
  }

  private void plan(CallOperation operation, CallRef ref, Map<String, Object> fields) {
    planned.add(new PlannedOperation(operation, ref, fields));
  }
}
