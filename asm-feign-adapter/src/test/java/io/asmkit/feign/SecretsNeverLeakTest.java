package io.asmkit.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.asmkit.feign.Wire.API;
import static io.asmkit.feign.Wire.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * No password, client secret, access token or refresh token reaches the log (at trace level, the
 * most verbose) or any exception message, even when the server echoes them back in error replies.
 */
class SecretsNeverLeakTest {

  @RegisterExtension static WireMockExtension wm = Wire.server();

  private static final String PASSWORD = "Pw-hunter2-Secret!";
  private static final String CLIENT_SECRET = "cs-Q7w8e9r0";
  private static final String ACCESS_1 = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmFseXN0In0.first-sig";
  private static final String REFRESH_1 = "rt-1-Zx8Cv7Bn6Mq5Wl4Ek3Rj";
  private static final String ACCESS_2 = "at-2-Lk9Jh8Gf7Ds6Ap5Oi4Uy";
  private static final String REFRESH_2 = "rt-2-Tr5Ew4Qa3Sd2Fg1Hj0Kl";
  private static final List<String> SECRETS =
      List.of(PASSWORD, CLIENT_SECRET, ACCESS_1, REFRESH_1, ACCESS_2, REFRESH_2);

  private static final CallRef REF = CallRef.of(1000);
  private static final String CALL = API + "call/1000";

  private final Wire.FakeTime time = new Wire.FakeTime();
  private final List<Throwable> failures = new ArrayList<>();
  private final List<String> exchanges = new ArrayList<>();

  @Test
  void noSecretReachesTheLogOrAnExceptionMessage() {
    assertThat(LoggerFactory.getLogger(HttpExchange.class).isTraceEnabled()).isTrue();
    stubAServerThatEchoesSecrets();
    AsmClient client =
        AsmClient.builder(Wire.baseUrl(wm))
            .passwordLogin("sandbox-client", "analyst", PASSWORD.toCharArray())
            .clientSecret(CLIENT_SECRET.toCharArray())
            .retry(RetryPolicy.of(2, Duration.ofMinutes(1)))
            .timeSource(time)
            .exchangeListener(
                (method, path, status, duration) ->
                    exchanges.add(method + " " + path + " " + status))
            .build();

    String log =
        captureStandardError(
            () -> {
              client.get(REF);
              attempt(() -> client.lock(REF));
              attempt(() -> client.update(REF, CallUpdate.builder().status(3).build()));
              attempt(() -> client.unlock(REF));
              time.advance(Duration.ofMinutes(20));
              attempt(() -> client.get(REF));
              attempt(() -> client.tokens().current());
            });

    assertThat(log).contains("GET /sandbox/alemba.api/api/v2/call/1000 -> 401 (");
    assertThat(log).contains("PUT /sandbox/alemba.api/api/v2/call/1000/unlock -> no reply");
    assertThat(failures).hasSize(5);
    for (String secret : SECRETS) {
      assertThat(log).as("the log").doesNotContain(secret);
      assertThat(String.join("\n", exchanges)).doesNotContain(secret);
      for (Throwable failure : failures) {
        assertNoSecretIn(failure, secret);
      }
    }
  }

  private void stubAServerThatEchoesSecrets() {
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .withRequestBody(containing("grant_type=password"))
            .inScenario("login")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("refused")
            .willReturn(okJson(Wire.tokenReply(ACCESS_1, REFRESH_1, 600))));
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .withRequestBody(containing("grant_type=password"))
            .inScenario("login")
            .whenScenarioStateIs("refused")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"password "
                            + PASSWORD
                            + " with secret "
                            + CLIENT_SECRET
                            + " is wrong\"}")));
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .withRequestBody(containing("refresh_token=" + REFRESH_1))
            .willReturn(okJson(Wire.tokenReply(ACCESS_2, REFRESH_2, 600))));
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .withRequestBody(containing("refresh_token=" + REFRESH_2))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\""
                            + REFRESH_2
                            + " used\"}")));
    wm.stubFor(
        get(urlEqualTo(CALL))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_1))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"Message\":\"Token " + ACCESS_1 + " is not valid.\"}")));
    wm.stubFor(
        get(urlEqualTo(CALL))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_2))
            .willReturn(okJson("{\"Ref\":1000}")));
    wm.stubFor(
        put(urlEqualTo(CALL + "/lock"))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withBody(
                        "{\"Message\":\"Call 1000 is locked by session "
                            + ACCESS_2
                            + " (refresh "
                            + REFRESH_2
                            + ").\"}")));
    wm.stubFor(
        put(urlEqualTo(CALL))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "grant_type=password&username=analyst&password="
                            + PASSWORD
                            + "&client_secret="
                            + CLIENT_SECRET
                            + "&Authorization=Bearer "
                            + ACCESS_2)));
    wm.stubFor(
        put(urlEqualTo(CALL + "/unlock"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
  }

  private void attempt(Runnable action) {
    try {
      action.run();
    } catch (AsmException e) {
      failures.add(e);
    }
  }

  private static void assertNoSecretIn(Throwable failure, String secret) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .as("message of %s", t.getClass())
          .doesNotContain(secret);
      assertThat(t.toString()).doesNotContain(secret);
      if (t instanceof AsmException asm) {
        assertThat(asm.serverMessage().orElse("")).doesNotContain(secret);
      }
      for (Throwable suppressed : t.getSuppressed()) {
        assertNoSecretIn(suppressed, secret);
      }
    }
  }

  private static String captureStandardError(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
