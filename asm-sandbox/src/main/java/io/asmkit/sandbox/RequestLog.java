package io.asmkit.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The requests the sandbox received, oldest first, keeping only the latest {@code capacity}. */
final class RequestLog {

  /** How many requests are kept: enough for any test, small enough for a long-running sandbox. */
  static final int DEFAULT_CAPACITY = 10_000;

  private final Deque<RecordedRequest> requests = new ArrayDeque<>();
  private final int capacity;

  RequestLog(int capacity) {
    this.capacity = capacity;
  }

  /** Adds a request, dropping the oldest when full. */
  synchronized void add(RecordedRequest request) {
    if (requests.size() == capacity) {
      requests.removeFirst();
    }
    requests.addLast(request);
  }

  /** A copy of the kept requests, oldest first. */
  synchronized List<RecordedRequest> snapshot() {
    return List.copyOf(requests);
  }

  /** Forgets every request. */
  synchronized void clear() {
    requests.clear();
  }
}
