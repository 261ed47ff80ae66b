package io.asmkit.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.asmkit.feign.Wire.API;
import static io.asmkit.feign.Wire.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.domain.CallRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens: the login form, refreshes before expiry, one login per client, and 401 handling. */
class AsmClientTokensTest {

  @RegisterExtension static WireMockExtension wm = Wire.server();

  private static final CallRef REF = CallRef.of(1000);
  private static final String CALL = API + "call/1000";

  private final Wire.FakeTime time = new Wire.FakeTime();

  private AsmClient.Builder login() {
    return AsmClient.builder(Wire.baseUrl(wm))
        .passwordLogin("sandbox-client", "analyst", "sandbox".toCharArray())
        .retry(RetryPolicy.none())
        .timeSource(time);
  }

  private static void answerGetWith(String token) {
    wm.stubFor(
        get(urlEqualTo(CALL))
            .withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(okJson("{\"Ref\":1000}")));
  }

  private static void answerLogin(String access, String refresh, Integer expiresIn) {
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .withRequestBody(containing("grant_type=password"))
            .willReturn(okJson(Wire.tokenReply(access, refresh, expiresIn))));
  }

  private static void answerRefresh(String used, String access, String refresh) {
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=" + used))
            .willReturn(okJson(Wire.tokenReply(access, refresh, 600))));
  }

  private static List<Map<String, String>> tokenForms() {
    List<Map<String, String>> forms = new ArrayList<>();
    for (LoggedRequest request : wm.findAll(postRequestedFor(urlEqualTo(LOGIN)))) {
      forms.add(Wire.form(request));
    }
    return forms;
  }

  @Test
  void logsInWithThePasswordFormAndTheDefaultScope() {
    answerLogin("A1", "R1", 600);
    answerGetWith("A1");

    login().build().get(REF);

    wm.verify(
        postRequestedFor(urlEqualTo(LOGIN))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withHeader("Accept", equalTo("application/json")));
    assertThat(tokenForms())
        .containsExactly(
            Map.of(
                "grant_type", "password",
                "client_id", "sandbox-client",
                "username", "analyst",
                "password", "sandbox",
                "scope", "session-type:Analyst"));
    wm.verify(getRequestedFor(urlEqualTo(CALL)).withHeader("Authorization", equalTo("Bearer A1")));
  }

  @Test
  void sendsTheClientSecretAndScopeWhenGiven() {
    answerLogin("A1", "R1", 600);
    answerGetWith("A1");

    login().scope("session-type:User").clientSecret("s3cr&t".toCharArray()).build().get(REF);

    assertThat(tokenForms().get(0))
        .containsEntry("scope", "session-type:User")
        .containsEntry("client_secret", "s3cr&t");
  }

  @Test
  void logsInOnceForManyRequests() {
    answerLogin("A1", "R1", 600);
    answerGetWith("A1");
    AsmClient client = login().build();

    client.get(REF);
    client.get(REF);
    client.get(REF);

    assertThat(tokenForms()).hasSize(1);
    wm.verify(3, getRequestedFor(urlEqualTo(CALL)));
  }

  @Test
  void refreshesBeforeExpiryAndKeepsTheRotatedRefreshToken() {
    answerLogin("A1", "R1", 600);
    answerRefresh("R1", "A2", "R2");
    answerRefresh("R2", "A3", "R3");
    answerGetWith("A1");
    answerGetWith("A2");
    answerGetWith("A3");
    AsmClient client = login().build();

    client.get(REF);
    time.advance(Duration.ofSeconds(541));
    client.get(REF);
    time.advance(Duration.ofSeconds(541));
    client.get(REF);

    assertThat(tokenForms())
        .extracting(form -> form.get("grant_type") + " " + form.get("refresh_token"))
        .containsExactly("password null", "refresh_token R1", "refresh_token R2");
    assertThat(tokenForms().get(1)).containsEntry("client_id", "sandbox-client");
    assertThat(wm.findAll(getRequestedFor(urlEqualTo(CALL))))
        .extracting(request -> request.getHeader("Authorization"))
        .containsExactly("Bearer A1", "Bearer A2", "Bearer A3");
  }

  @Test
  void keepsTheTokenUntilShortlyBeforeItExpires() {
    answerLogin("A1", "R1", 600);
    answerGetWith("A1");
    AsmClient client = login().build();

    client.get(REF);
    time.advance(Duration.ofSeconds(539));
    client.get(REF);

    assertThat(tokenForms()).hasSize(1);
  }

  @Test
  void assumesTenMinutesWhenTheReplyGivesNoLifetime() {
    answerLogin("A1", "R1", null);
    answerRefresh("R1", "A2", "R2");
    answerGetWith("A1");
    answerGetWith("A2");
    AsmClient client = login().build();

    client.get(REF);
    time.advance(Duration.ofSeconds(539));
    client.get(REF);
    time.advance(Duration.ofSeconds(2));
    client.get(REF);

    assertThat(tokenForms())
        .extracting(form -> form.get("grant_type"))
        .containsExactly("password", "refresh_token");
  }

  @Test
  void logsInAfreshWhenARefreshIsRefused() {
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .withRequestBody(containing("grant_type=password"))
            .inScenario("logins")
            .willSetStateTo("second")
            .willReturn(okJson(Wire.tokenReply("A1", "R1", 600))));
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .withRequestBody(containing("grant_type=password"))
            .inScenario("logins")
            .whenScenarioStateIs("second")
            .willReturn(okJson(Wire.tokenReply("A2", "R2", 600))));
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .withRequestBody(containing("grant_type=refresh_token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"used\"}")));
    answerGetWith("A1");
    answerGetWith("A2");
    AsmClient client = login().build();

    client.get(REF);
    time.advance(Duration.ofMinutes(20));
    client.get(REF);

    assertThat(tokenForms())
        .extracting(form -> form.get("grant_type"))
        .containsExactly("password", "refresh_token", "password");
    assertThat(wm.findAll(getRequestedFor(urlEqualTo(CALL))))
        .extracting(request -> request.getHeader("Authorization"))
        .containsExactly("Bearer A1", "Bearer A2");
  }

  @Test
  void getsAFreshTokenOnceAfterA401AndRepeatsTheRequest() {
    answerLogin("A1", "R1", 600);
    answerRefresh("R1", "A2", "R2");
    wm.stubFor(
        get(urlEqualTo(CALL))
            .withHeader("Authorization", equalTo("Bearer A1"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"Message\":\"Authorization has been denied for this request.\"}")));
    answerGetWith("A2");

    assertThat(login().build().get(REF).ref()).isEqualTo(REF);

    assertThat(tokenForms())
        .extracting(form -> form.get("grant_type"))
        .containsExactly("password", "refresh_token");
    assertThat(wm.findAll(getRequestedFor(urlEqualTo(CALL))))
        .extracting(request -> request.getHeader("Authorization"))
        .containsExactly("Bearer A1", "Bearer A2");
  }

  @Test
  void reportsASecond401AsAuthenticationFailure() {
    answerLogin("A1", "R1", 600);
    answerRefresh("R1", "A2", "R2");
    wm.stubFor(
        get(urlEqualTo(CALL))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"Message\":\"Authorization has been denied for this request.\"}")));

    assertThatThrownBy(() -> login().build().get(REF))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.httpStatus()).hasValue(401);
              assertThat(e.getMessage())
                  .contains("ASM refused the access token to read call 1000 even after a fresh one")
                  .contains("GET /sandbox/alemba.api/api/v2/call/1000 answered 401");
            });
    wm.verify(2, getRequestedFor(urlEqualTo(CALL)));
  }

  @Test
  void reportsAFixedTokenRefusedWithoutRepeatingTheRequest() {
    wm.stubFor(get(urlEqualTo(CALL)).willReturn(aResponse().withStatus(401)));
    AsmClient client = Wire.client(wm, time).build();

    assertThatThrownBy(() -> client.get(REF))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("ASM refused the access token to read call 1000")
                  .contains("check that the bearer token is current");
              assertThat(e.getCause()).isInstanceOf(AuthenticationException.class);
            });
    wm.verify(1, getRequestedFor(urlEqualTo(CALL)));
  }

  @Test
  void reportsARefusedLoginNamingUserAndClientButNotThePassword() {
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"The user name or"
                            + " password is incorrect.\"}")));

    assertThatThrownBy(() -> login().build().get(REF))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("user 'analyst'")
                    .contains("client id 'sandbox-client'")
                    .contains("invalid_grant: The user name or password is incorrect.")
                    .contains("POST /sandbox/alemba.web/oauth/login answered 400")
                    .doesNotContain("sandbox\"")
                    .doesNotContain("password="));
    wm.verify(0, getRequestedFor(urlEqualTo(CALL)));
  }

  @Test
  void reportsALoginReplyWithoutTokenAsAuthenticationFailure() {
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .willReturn(
                aResponse().withStatus(200).withBody("<html><title>Sign in</title></html>")));

    assertThatThrownBy(() -> login().build().get(REF))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("did not yield a token")
        .hasMessageContaining("an HTML page: Sign in");
  }

  @Test
  void logsInOnceWhenManyThreadsNeedATokenAtOnce() throws Exception {
    wm.stubFor(
        post(urlEqualTo(LOGIN))
            .willReturn(okJson(Wire.tokenReply("A1", "R1", 600)).withFixedDelay(300)));
    answerGetWith("A1");
    AsmClient client = login().build();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);

    List<Future<CallRef>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return client.get(REF).ref();
              }));
    }
    start.countDown();
    for (Future<CallRef> result : results) {
      assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(REF);
    }
    pool.shutdown();

    assertThat(tokenForms()).hasSize(1);
    wm.verify(
        threads,
        getRequestedFor(urlEqualTo(CALL)).withHeader("Authorization", equalTo("Bearer A1")));
  }
}
