package io.asmkit.core.service;

import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallOperation;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.port.out.CallPort;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A call port that records every request as a line such as {@code "lock 1000"} and passes it on to
 * a real port, unless a failure was scripted for that operation: then the request is recorded, the
 * failure thrown, and nothing reaches the real port.
 */
final class RecordingCallPort implements CallPort {

  private final CallPort delegate;
  private final List<String> requests = new ArrayList<>();
  private final Map<CallOperation, Deque<Throwable>> failures = new EnumMap<>(CallOperation.class);

  RecordingCallPort(CallPort delegate) {
    this.delegate = delegate;
  }

  /**
   * Makes the next requests of {@code operation} fail with {@code failures}, one each, in order.
   */
  RecordingCallPort failNext(CallOperation operation, AsmException... failures) {
    return failNextWith(operation, failures);
  }

  /** Like {@link #failNext}, with any unchecked failure, such as an {@link Error}. */
  RecordingCallPort failNextWith(CallOperation operation, Throwable... failures) {
    Deque<Throwable> queue = this.failures.computeIfAbsent(operation, o -> new ArrayDeque<>());
    queue.addAll(List.of(failures));
    return this;
  }

  /** Every request so far, in order. */
  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public Call get(CallRef ref) {
    record(CallOperation.GET, "get " + ref);
    return delegate.get(ref);
  }

  @Override
  public void lock(CallRef ref) {
    record(CallOperation.LOCK, "lock " + ref);
    delegate.lock(ref);
  }

  @Override
  public void update(CallRef ref, CallUpdate update) {
    record(CallOperation.UPDATE, "update " + ref + " " + update.fieldNames());
    delegate.update(ref, update);
  }

  @Override
  public void unlock(CallRef ref) {
    record(CallOperation.UNLOCK, "unlock " + ref);
    delegate.unlock(ref);
  }

  @Override
  public void perform(CallRef ref, CallAction action) {
    record(CallOperation.of(action.kind()), action.kind().pathName() + " " + ref);
    delegate.perform(ref, action);
  }

  @Override
  public CallRef create(CallUpdate fields) {
    record(CallOperation.CREATE, "create " + fields.fieldNames());
    return delegate.create(fields);
  }

  @Override
  public void submit(CallRef ref) {
    record(CallOperation.SUBMIT, "submit " + ref);
    delegate.submit(ref);
  }

  private synchronized void record(CallOperation operation, String request) {
    requests.add(request);
    Deque<Throwable> queue = failures.get(operation);
    if (queue != null && !queue.isEmpty()) {
      Throwable failure = queue.removeFirst();
      if (failure instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) failure;
    }
  }
}
