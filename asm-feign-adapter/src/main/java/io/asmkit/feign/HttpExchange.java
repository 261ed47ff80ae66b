package io.asmkit.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one HTTP request through Feign's {@link Client} and reads the whole reply; logs one debug
 * line per exchange (method, path, status, duration: never a header or a body) and tells the {@link
 * ExchangeListener}.
 */
final class HttpExchange {

  private static final Logger LOGGER = LoggerFactory.getLogger(HttpExchange.class);

  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^;\"\\s]+)");

  private final Client client;
  private final Request.Options options;
  private final Duration readTimeout;
  private final ExchangeListener listener;

  HttpExchange(Client client, Duration readTimeout, ExchangeListener listener) {
    this.client = client;
    this.readTimeout = readTimeout;
    // The connect timeout here is unused: it belongs to the HttpClient (see JdkHttpTransport).
    this.options = new Request.Options(Duration.ofSeconds(1), readTimeout, false);
    this.listener = listener;
  }

  /** The longest wait for a reply to one request. */
  Duration readTimeout() {
    return readTimeout;
  }

  /**
   * Sends a request and returns the reply, whatever its status.
   *
   * @throws IOException when no reply came (timeout, refused or reset connection, TLS failure)
   */
  Reply send(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
    Request request =
        Request.create(
            Request.HttpMethod.valueOf(method),
            uri.toString(),
            feignHeaders(headers),
            body,
            StandardCharsets.UTF_8,
            null);
    String path = uri.getRawPath();
    long start = System.nanoTime();

    try (Response response = client.execute(request, options)) {
      String text = readBody(response);
      finished(method, path, response.status(), start, null);
      return new Reply(response.status(), response.headers(), text);
    } catch (IOException e) {
      finished(method, path, 0, start, e);
      throw e;
    } catch (RuntimeException e) {
      finished(method, path, 0, start, e);
      // Not chained: the JDK's message for a refused header quotes the header, token and all.
      throw new IllegalStateException(
          "The request "
              + method
              + " "
              + path
              + " could not be sent ("
              + e.getClass().getName()
              + ")");
    }
  }

  private void finished(String method, String path, int status, long start, Exception failure) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (failure == null) {
      LOGGER.debug("{} {} -> {} ({} ms)", method, path, status, took.toMillis());
    } else {
      // The exception's type only: its text is not ours to vouch for.
      LOGGER.debug(
          "{} {} -> no reply: {} ({} ms)",
          method,
          path,
          failure.getClass().getSimpleName(),
          took.toMillis());
    }
    try {
      listener.onExchange(method, path, status, took);
    } catch (RuntimeException e) {
      LOGGER.debug("The exchange listener failed: {}", e.getClass().getName());
    }
  }

  private static Map<String, Collection<String>> feignHeaders(Map<String, String> headers) {
    Map<String, Collection<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, value) -> copy.put(name, new ArrayList<>(List.of(value))));
    return copy;
  }

  private static String readBody(Response response) throws IOException {
    if (response.body() == null) {
      return "";
    }
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readAllBytes(), charsetOf(response));
    }
  }

  private static Charset charsetOf(Response response) {
    Collection<String> types = response.headers().get("Content-Type");
    if (types != null) {
      for (String type : types) {
        Matcher matcher = CHARSET.matcher(type);
        if (matcher.find()) {
          try {
            return Charset.forName(matcher.group(1));
          } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
