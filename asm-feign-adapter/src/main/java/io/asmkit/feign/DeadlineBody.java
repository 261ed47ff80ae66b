package io.asmkit.feign;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A reply body read into bytes that fails itself, and drops the connection, when it is not whole by
 * a deadline. The JDK's request timeout stops counting once the headers are in; this covers a body
 * that stalls after them.
 */
final class DeadlineBody implements HttpResponse.BodySubscriber<byte[]> {

  /** One daemon thread for every client's deadlines: each only cancels a subscription. */
  private static final ScheduledThreadPoolExecutor TIMER = newTimer();

  private final HttpResponse.BodySubscriber<byte[]> bytes =
      HttpResponse.BodySubscribers.ofByteArray();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final Duration timeout;
  private volatile Flow.Subscription subscription;

  private DeadlineBody(Duration timeout) {
    this.timeout = timeout;
    bytes
        .getBody()
        .whenComplete(
            (body, failure) -> {
              if (failure == null) {
                result.complete(body);
              } else {
                result.completeExceptionally(failure);
              }
            });
  }

  private static ScheduledThreadPoolExecutor newTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "asm-reply-deadline");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /** Gives up: the reply was not whole in time. */
  private void expire() {
    if (result.completeExceptionally(
        new HttpTimeoutException("No whole reply within " + timeout.toMillis() + " ms"))) {
      Flow.Subscription current = subscription;
      if (current != null) {
        current.cancel();
      }
    }
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    bytes.onSubscribe(subscription);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    bytes.onNext(item);
  }

  @Override
  public void onError(Throwable throwable) {
    bytes.onError(throwable);
  }

  @Override
  public void onComplete() {
    bytes.onComplete();
  }

  /**
   * Makes the body of one exchange, with its deadline counted from the moment the request is sent;
   * {@link #close()} when the exchange is over drops the timer.
   */
  static final class Handler implements HttpResponse.BodyHandler<byte[]>, AutoCloseable {

    private final Duration timeout;
    private final long deadlineNanos;
    private volatile ScheduledFuture<?> timer;

    Handler(Duration timeout) {
      this.timeout = timeout;
      this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
      DeadlineBody body = new DeadlineBody(timeout);
      if (isEmpty(info)) {
        return body; // nothing can stall, so no timer (a 204 to a lock or an unlock)
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        body.expire();
      } else {
        timer = TIMER.schedule(body::expire, left, TimeUnit.NANOSECONDS);
      }
      return body;
    }

    private static boolean isEmpty(HttpResponse.ResponseInfo info) {
      return info.statusCode() == 204
          || info.statusCode() == 304
          || info.headers().firstValueAsLong("Content-Length").orElse(-1) == 0;
    }

    @Override
    public void close() {
      ScheduledFuture<?> current = timer;
      if (current != null) {
        current.cancel(false);
      }
    }
  }
}
