package io.asmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting, addressing and stopping a sandbox. */
class AsmSandboxTest {

  @Test
  void listensOnLoopbackUnderTheSandboxSystem() {
    try (AsmSandbox sandbox = AsmSandbox.builder().start()) {
      assertThat(sandbox.baseUrl().toString())
          .isEqualTo("http://127.0.0.1:" + sandbox.port() + "/sandbox");
      assertThat(sandbox.port()).isPositive();
      assertThat(new SandboxHttp(sandbox).token("analyst", "sandbox")).isNotBlank();
      assertThat(sandbox.requests()).hasSize(1);
    }
  }

  @Test
  void closeStopsServingAndReleasesAwaitTermination() throws Exception {
    AsmSandbox sandbox = AsmSandbox.builder().start();
    SandboxHttp http = new SandboxHttp(sandbox);
    CompletableFuture<Void> waiter =
        CompletableFuture.runAsync(
            () -> {
              try {
                sandbox.awaitTermination();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    sandbox.close();
    sandbox.close();

    waiter.get(5, TimeUnit.SECONDS);
    assertThat(waiter).isDone();
    assertThatThrownBy(() -> http.api("GET", "call/1000", null, null))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void closeDoesNotWaitForADelayedRequest() throws Exception {
    AsmSandbox sandbox = AsmSandbox.builder().start();
    sandbox.faults().failNext(1, "GET", ".*", Fault.delay(Duration.ofMinutes(5)));
    HttpClient client = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<String>> pending =
        client.sendAsync(
            HttpRequest.newBuilder(new SandboxHttp(sandbox).api("call/1000")).build(),
            HttpResponse.BodyHandlers.ofString());
    while (sandbox.faults().pending() > 0) {
      Thread.sleep(10);
    }

    sandbox.close();

    assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void portInUseIsReportedWithThePort() {
    try (AsmSandbox first = AsmSandbox.builder().sampleData(false).start()) {
      int port = first.port();

      assertThatThrownBy(() -> AsmSandbox.builder().port(port).start())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("127.0.0.1:" + port)
          .hasMessageContaining("in use");
    }
  }

  @Test
  void badSettingsAreRefusedNamingThem() {
    AsmSandbox.Builder builder = AsmSandbox.builder();

    assertThatThrownBy(() -> builder.port(70000))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("70000");
    assertThatThrownBy(() -> builder.accessTokenLifetime(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("accessTokenLifetime");
    assertThatThrownBy(() -> builder.refreshTokenLifetime(Duration.ofSeconds(-1)))
        .hasMessageContaining("refreshTokenLifetime");
    assertThatThrownBy(() -> builder.latency(Duration.ofMillis(-1)))
        .hasMessageContaining("latency");
    assertThatThrownBy(() -> AsmSandbox.builder().start().addUser("x", "", "c"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("password");
  }

  @Test
  void latencyDelaysRepliesWithoutSerializingThem() throws Exception {
    try (AsmSandbox sandbox =
        AsmSandbox.builder().latency(Duration.ofMillis(200)).sampleData(false).start()) {
      SandboxHttp http = new SandboxHttp(sandbox);

      java.util.List<Integer> statuses =
          Concurrently.run(8, i -> http.api("GET", "call/1", null, null).statusCode());

      assertThat(statuses).containsOnly(401);
      assertThat(sandbox.requests()).hasSize(8);
    }
  }
}
