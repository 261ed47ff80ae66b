package io.asmkit.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Feign's {@link Client} over exactly the {@link HttpClient} it is given, with Feign's read timeout
 * as the longest wait for each whole reply.
 *
 * <p>Why not feign-java11's {@code Http2Client}: when the request options' connect timeout or
 * redirect setting differ from its client's, it quietly builds and caches another {@code
 * HttpClient}, copying only some settings. The client a caller passes (Jenkins builds one from its
 * proxy settings) must be the one that sends every request, and the connect timeout belongs to that
 * client; this class guarantees both in a few lines.
 */
final class JdkHttpTransport implements Client {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http;

  JdkHttpTransport(HttpClient http) {
    this.http = http;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    byte[] body = request.body();
    Duration timeout = Duration.ofMillis(options.readTimeoutMillis());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(request.url()))
            .timeout(timeout)
            .method(
                request.httpMethod().name(),
                body == null || body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
              }
            });

    HttpResponse<byte[]> response = send(builder.build(), timeout);

    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    return Response.builder()
        .status(response.statusCode())
        .reason("")
        .headers(headers)
        .body(response.body())
        .request(request)
        .build();
  }

  /**
   * Sends and waits at most {@code timeout} for the whole reply. The request's own timeout ends
   * when the reply's headers arrive; a {@link DeadlineBody} also bounds a body that stalls after
   * them.
   *
   * <p>Why the synchronous {@code send}: waiting on {@code sendAsync(...).get(timeout)} hands every
   * reply over to another thread first, which tripled the cost of a request on loopback (see
   * docs/performance.md).
   */
  private HttpResponse<byte[]> send(HttpRequest request, Duration timeout) throws IOException {
    DeadlineBody.Handler body = new DeadlineBody.Handler(timeout);
    try {
      return http.send(request, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for the reply");
    } finally {
      body.close();
    }
  }
}
