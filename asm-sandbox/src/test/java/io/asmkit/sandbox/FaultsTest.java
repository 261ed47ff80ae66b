package io.asmkit.sandbox;

import static io.asmkit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injected faults are played for the matching requests only, before authentication. */
class FaultsTest {

  @RegisterExtension static AsmSandboxExtension sandbox = new AsmSandboxExtension();

  private static SandboxHttp http;
  private static String token;

  @BeforeAll
  static void logIn() {
    http = new SandboxHttp(sandbox.get());
    token = http.token("analyst", "sandbox");
  }

  @Test
  void statusFaultIsPlayedForTheNextCountRequestsThenTheSandboxAnswersNormally() {
    sandbox
        .get()
        .faults()
        .failNext(2, "GET", "call/1000$", Fault.status(503, "{\"Message\":\"busy\"}"));

    HttpResponse<String> first = http.api("GET", "call/1000", token, null);
    HttpResponse<String> second = http.api("GET", "call/1000", token, null);
    HttpResponse<String> third = http.api("GET", "call/1000", token, null);

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Content-Type")).hasValue(WireFormat.JSON);
    assertThat(json(first)).containsEntry("Message", "busy");
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(sandbox.get().requests())
        .extracting(RecordedRequest::status)
        .containsExactly(503, 503, 200);
    assertThat(sandbox.get().faults().pending()).isZero();
  }

  @Test
  void faultIsPlayedBeforeAuthentication() {
    sandbox.get().faults().failNext(1, "put", "/lock$", Fault.status(500, "boom"));

    HttpResponse<String> reply = http.api("PUT", "call/1001/lock", null, null);

    assertThat(reply.statusCode()).isEqualTo(500);
    assertThat(reply.body()).isEqualTo("boom");
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(sandbox.get().model().lockHolder(io.asmkit.core.domain.CallRef.of(1001))).isEmpty();
  }

  @Test
  void faultSparesRequestsWithAnotherMethodOrPath() {
    sandbox.get().faults().failNext(1, "PUT", "call/1001/lock$", Fault.status(500, ""));

    HttpResponse<String> get = http.api("GET", "call/1001", token, null);
    HttpResponse<String> other = http.api("PUT", "call/1000/unlock", token, null);

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(other.statusCode()).isEqualTo(204);
    assertThat(sandbox.get().faults().pending()).isEqualTo(1);
  }

  @Test
  void anyMethodMatchesEveryMethodAndLoginCanFail() {
    sandbox.get().faults().failNext(1, "*", "oauth/login", Fault.htmlPage(502));
    int logins = sandbox.get().loginCount();

    HttpResponse<String> reply =
        http.postForm(SandboxHttp.passwordForm("analyst", "sandbox", "sandbox-client"));

    assertThat(reply.statusCode()).isEqualTo(502);
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(reply.body()).startsWith("<!DOCTYPE html>").contains("502 - Bad Gateway");
    assertThat(sandbox.get().loginCount()).isEqualTo(logins);
  }

  @Test
  void resetMakesTheClientSeeAConnectionFailure() {
    sandbox.get().faults().failNext(1, "PUT", "/lock$", Fault.reset());
    HttpClient fresh = HttpClient.newHttpClient();
    HttpRequest lock =
        HttpRequest.newBuilder(http.api("call/1001/lock"))
            .header("Authorization", "Bearer " + token)
            .PUT(HttpRequest.BodyPublishers.noBody())
            .build();

    assertThatThrownBy(() -> fresh.send(lock, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);

    assertThat(sandbox.get().requests())
        .singleElement()
        .extracting(RecordedRequest::status)
        .isEqualTo(0);
    assertThat(sandbox.get().model().lockHolder(io.asmkit.core.domain.CallRef.of(1001))).isEmpty();
  }

  @Test
  void resetOnAKeptAliveConnectionAlsoFailsANonIdempotentRequest() {
    sandbox.get().faults().failNext(1, "POST", "/call$", Fault.reset());
    http.api("GET", "call/1000", token, null);

    assertThatThrownBy(() -> http.api("POST", "call", token, "{}"))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(http.api("GET", "call/1000", token, null).statusCode()).isEqualTo(200);
  }

  @Test
  void delayWaitsThenAnswersNormally() {
    sandbox.get().faults().failNext(1, "GET", "call/1000$", Fault.delay(Duration.ofMillis(300)));

    long start = System.nanoTime();
    HttpResponse<String> reply = http.api("GET", "call/1000", token, null);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(json(reply)).containsEntry("Ref", 1000);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void clearRemovesPendingFaults() {
    sandbox.get().faults().failNext(5, "GET", ".*", Fault.status(500, ""));

    sandbox.get().faults().clear();

    assertThat(http.api("GET", "call/1000", token, null).statusCode()).isEqualTo(200);
  }

  @Test
  void badFaultArgumentsAreRefusedNamingThem() {
    SandboxFaults faults = sandbox.get().faults();

    assertThatThrownBy(() -> faults.failNext(0, "GET", ".*", Fault.reset()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count");
    assertThatThrownBy(() -> faults.failNext(1, "GET", "call/(", Fault.reset()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("call/(");
    assertThatThrownBy(() -> Fault.status(99, "")).hasMessageContaining("99");
    assertThatThrownBy(() -> Fault.delay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(faults.pending()).isZero();
  }
}
