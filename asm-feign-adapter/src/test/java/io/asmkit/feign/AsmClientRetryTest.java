package io.asmkit.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.asmkit.feign.Wire.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.ServerUnavailableException;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transient failures are repeated with backoff where a repeat is harmless, and only there. The fake
 * clock records the pauses instead of sleeping them.
 */
class AsmClientRetryTest {

  @RegisterExtension static WireMockExtension wm = Wire.server();

  private static final CallRef REF = CallRef.of(1000);
  private static final String CALL = API + "call/1000";
  private static final String LOCK = API + "call/1000/lock";

  private final Wire.FakeTime time = new Wire.FakeTime();

  private AsmClient client(RetryPolicy policy) {
    return Wire.client(wm, time).retry(policy).build();
  }

  /** Answers the given replies in turn, then the last one for ever. */
  private static void answerInTurn(
      Supplier<MappingBuilder> request, ResponseDefinitionBuilder... replies) {
    for (int i = 0; i < replies.length; i++) {
      ScenarioMappingBuilder step =
          request.get().inScenario("turns").whenScenarioStateIs(i == 0 ? STARTED : "s" + i);
      if (i + 1 < replies.length) {
        step = step.willSetStateTo("s" + (i + 1));
      }
      wm.stubFor(step.willReturn(replies[i]));
    }
  }

  @Test
  void repeatsAGetAfter502503And504WithGrowingPauses() {
    answerInTurn(
        () -> get(urlEqualTo(CALL)),
        aResponse().withStatus(502),
        aResponse().withStatus(503),
        aResponse().withStatus(504),
        okJson("{\"Ref\":1000,\"Description\":\"back\"}"));

    assertThat(client(RetryPolicy.of(4, Duration.ofMinutes(1))).get(REF).description())
        .contains("back");

    wm.verify(4, getRequestedFor(urlEqualTo(CALL)));
    // Equal jitter at 0.5: three quarters of 500 ms, 1 s and 2 s.
    assertThat(time.sleeps())
        .containsExactly(Duration.ofMillis(375), Duration.ofMillis(750), Duration.ofMillis(1500));
  }

  @Test
  void honoursRetryAfterOnA429() {
    answerInTurn(
        () -> put(urlEqualTo(CALL)),
        aResponse().withStatus(429).withHeader("Retry-After", "7"),
        noContent());

    client(RetryPolicy.defaults()).update(REF, CallUpdate.builder().status(3).build());

    wm.verify(2, putRequestedFor(urlEqualTo(CALL)));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void stopsWhenRetryAfterPassesTheTimeBudget() {
    wm.stubFor(
        put(urlEqualTo(CALL + "/unlock"))
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));

    assertThatThrownBy(() -> client(RetryPolicy.of(5, Duration.ofSeconds(30))).unlock(REF))
        .isInstanceOfSatisfying(
            ServerUnavailableException.class,
            e -> {
              assertThat(e.httpStatus()).hasValue(503);
              assertThat(e.getMessage())
                  .contains("Gave up after 1 attempt.")
                  .contains("ASM asked to wait 120 s, past the retry time budget of 30 s.");
            });
    wm.verify(1, putRequestedFor(urlEqualTo(CALL + "/unlock")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void stopsAfterTheLastAllowedAttempt() {
    wm.stubFor(get(urlEqualTo(CALL)).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client(RetryPolicy.of(3, Duration.ofMinutes(1))).get(REF))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageContaining("Gave up after 3 attempts.");

    wm.verify(3, getRequestedFor(urlEqualTo(CALL)));
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void stopsWhenTheNextPauseWouldPassTheTotalTime() {
    wm.stubFor(get(urlEqualTo(CALL)).willReturn(aResponse().withStatus(503)));
    RetryPolicy policy =
        RetryPolicy.of(10, Duration.ofSeconds(3))
            .withPauses(Duration.ofSeconds(2), Duration.ofSeconds(2));

    assertThatThrownBy(() -> client(policy).get(REF))
        .isInstanceOf(ServerUnavailableException.class);

    // Pauses of 1.5 s each (2 s with jitter 0.5): the third would end past 3 s.
    wm.verify(3, getRequestedFor(urlEqualTo(CALL)));
  }

  @Test
  void repeatsAnUnlockAfterAResetConnection() {
    answerInTurn(
        () -> put(urlEqualTo(CALL + "/unlock")),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        noContent());

    client(RetryPolicy.defaults()).unlock(REF);

    wm.verify(2, putRequestedFor(urlEqualTo(CALL + "/unlock")));
  }

  @Test
  void repeatsAGetAfterATimeout() {
    answerInTurn(
        () -> get(urlEqualTo(CALL)), okJson("{}").withFixedDelay(2_000), okJson("{\"Ref\":1000}"));
    AsmClient client =
        Wire.client(wm, time)
            .retry(RetryPolicy.defaults())
            .readTimeout(Duration.ofMillis(200))
            .build();

    assertThat(client.get(REF).ref()).isEqualTo(REF);

    wm.verify(2, getRequestedFor(urlEqualTo(CALL)));
  }

  @Test
  void doesNotRepeatAServerError500() {
    wm.stubFor(get(urlEqualTo(CALL)).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> client(RetryPolicy.defaults()).get(REF))
        .isInstanceOf(ServerUnavailableException.class);

    wm.verify(1, getRequestedFor(urlEqualTo(CALL)));
  }

  @Test
  void doesNotRepeatACloseThatMayHaveReachedTheServer() {
    wm.stubFor(put(urlEqualTo(CALL + "/close")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(
            () -> client(RetryPolicy.defaults()).perform(REF, CallAction.of(CallAction.Kind.CLOSE)))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageNotContaining("Gave up");

    wm.verify(1, putRequestedFor(urlEqualTo(CALL + "/close")));
  }

  @Test
  void doesNotRepeatACreateAfterAReset() {
    wm.stubFor(
        post(urlEqualTo(API + "call"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(
            () ->
                client(RetryPolicy.defaults())
                    .create(CallUpdate.builder().description("x").build()))
        .isInstanceOf(ServerUnavailableException.class);

    wm.verify(1, postRequestedFor(urlEqualTo(API + "call")));
  }

  @Test
  void repeatsALockAfterAResetAndSucceedsWhenItHoldsTheCallAlready() {
    answerInTurn(
        () -> put(urlEqualTo(LOCK)),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        noContent());

    client(RetryPolicy.defaults()).lock(REF);

    wm.verify(2, putRequestedFor(urlEqualTo(LOCK)));
  }

  @Test
  void countsARepeatedLockRefusedAsLockedByOurOwnUserAsDone() {
    wm.stubFor(
        post(urlEqualTo(Wire.LOGIN))
            .willReturn(okJson(Wire.tokenReply("A1-token", "R1-token", 600))));
    answerInTurn(
        () -> put(urlEqualTo(LOCK)),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withStatus(409).withBody("{\"Message\":\"Call 1000 is locked by analyst.\"}"));
    AsmClient client =
        AsmClient.builder(Wire.baseUrl(wm))
            .passwordLogin("sandbox-client", "analyst", "sandbox".toCharArray())
            .timeSource(time)
            .random(() -> 0.5)
            .build();

    client.lock(REF);

    wm.verify(2, putRequestedFor(urlEqualTo(LOCK)));
  }

  @Test
  void stillReportsALockHeldByAnotherUserOnTheFirstAttempt() {
    wm.stubFor(
        put(urlEqualTo(LOCK))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withBody("{\"Message\":\"Call 1000 is locked by jsmith.\"}")));

    assertThatThrownBy(() -> client(RetryPolicy.defaults()).lock(REF))
        .isInstanceOf(CallLockedException.class);

    wm.verify(1, putRequestedFor(urlEqualTo(LOCK)));
  }

  @Test
  void sendsOnceWithoutRetries() {
    wm.stubFor(get(urlEqualTo(CALL)).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client(RetryPolicy.none()).get(REF))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageNotContaining("Gave up");

    wm.verify(1, getRequestedFor(urlEqualTo(CALL)));
  }
}
