package io.asmkit.feign;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.asmkit.core.service.TimeSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Test set-up shared by the WireMock tests: a loopback server, addresses and a fake clock. */
final class Wire {

  static final String API = "/sandbox/alemba.api/api/v2/";
  static final String LOGIN = "/sandbox/alemba.web/oauth/login";
  static final String TOKEN = "fixed-token-7Hq2Lm9Xr4Tz8Wc1Vb6Nd3Kj5";
  static final String JSON = "application/json; charset=utf-8";

  private Wire() {}

  /** A WireMock server on 127.0.0.1 and a free port, reset before each test. */
  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
        .build();
  }

  /** The base URL of the fake system named {@code sandbox}. */
  static String baseUrl(WireMockExtension server) {
    return "http://127.0.0.1:" + server.getPort() + "/sandbox";
  }

  /** A client with the fixed token, no retries and a fake clock. */
  static AsmClient.Builder client(WireMockExtension server, FakeTime time) {
    return AsmClient.builder(baseUrl(server))
        .bearerToken(TOKEN)
        .retry(RetryPolicy.none())
        .timeSource(time)
        .random(() -> 0.5);
  }

  /** The fields of a form-encoded request body, in order. */
  static Map<String, String> form(LoggedRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      String[] parts = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
    }
    return fields;
  }

  /** A token reply as ASM's login address gives it. */
  static String tokenReply(String access, String refresh, Integer expiresIn) {
    return "{\"access_token\":\""
        + access
        + "\",\"token_type\":\"bearer\""
        + (expiresIn == null ? "" : ",\"expires_in\":" + expiresIn)
        + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"")
        + "}";
  }

  /** A clock that moves only when told to, or when slept on; records the sleeps. */
  static final class FakeTime implements TimeSource {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
      return nanos.get();
    }

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      advance(duration);
    }

    void advance(Duration duration) {
      nanos.addAndGet(duration.toNanos());
    }

    List<Duration> sleeps() {
      return sleeps;
    }
  }
}
