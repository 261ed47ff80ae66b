package io.asmkit.sandbox;

import static io.asmkit.sandbox.SandboxHttp.json;
import static io.asmkit.sandbox.SandboxHttp.passwordForm;
import static io.asmkit.sandbox.SandboxHttp.refreshForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login, refresh and token expiry, as ASM documents them and OAuth 2.0 shapes them. */
class LoginTest {

  private final MovableClock clock = new MovableClock();
  private AsmSandbox sandbox;
  private SandboxHttp http;

  @BeforeEach
  void start() {
    sandbox =
        AsmSandbox.builder()
            .clock(clock)
            .accessTokenLifetime(Duration.ofSeconds(1))
            .refreshTokenLifetime(Duration.ofSeconds(5))
            .start();
    http = new SandboxHttp(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void passwordLoginAnswersTokensThatOpenTheApi() {
    HttpResponse<String> reply =
        http.postForm(passwordForm("analyst", "sandbox", "sandbox-client"));

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    Map<String, Object> tokens = json(reply);
    assertThat(tokens).containsEntry("token_type", "bearer").containsEntry("expires_in", 1);
    String access = (String) tokens.get("access_token");
    String refresh = (String) tokens.get("refresh_token");
    assertThat(access).matches("[A-Za-z0-9_-]{43,}").isNotEqualTo(refresh);
    assertThat(refresh).matches("[A-Za-z0-9_-]{43,}");
    assertThat(sandbox.loginCount()).isEqualTo(1);
    assertThat(http.api("GET", "call/1000", access, null).statusCode()).isEqualTo(200);
    RecordedRequest login = sandbox.requests().get(0);
    assertThat(login.method()).isEqualTo("POST");
    assertThat(login.path()).isEqualTo("/sandbox/alemba.web/oauth/login");
    assertThat(login.body()).contains("grant_type=password", "username=analyst");
    assertThat(login.status()).isEqualTo(200);
  }

  @Test
  void publishedSampleLoginSignsInAndItsTextLeavesThePasswordOut() {
    SampleLogin sample = SampleLogin.analyst();

    HttpResponse<String> reply =
        http.postForm(passwordForm(sample.username(), sample.password(), sample.clientId()));

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(sample.username()).isEqualTo("analyst");
    assertThat(sample.clientId()).isEqualTo("sandbox-client");
    assertThat(sample.toString()).isEqualTo("SampleLogin[analyst via sandbox-client]");
  }

  @Test
  void accessTokenIsBoundToTheUserItWasIssuedTo() {
    String analyst = http.token("analyst", "sandbox");
    String jsmith = http.token("jsmith", "jsmith");

    assertThat(http.api("PUT", "call/1000/lock", analyst, null).statusCode()).isEqualTo(204);
    HttpResponse<String> refused = http.api("PUT", "call/1000/lock", jsmith, null);

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(json(refused)).containsEntry("Message", "Call 1000 is locked by analyst.");
    assertThat(sandbox.model().lockHolder(io.asmkit.core.domain.CallRef.of(1000)))
        .hasValue("analyst");
  }

  @Test
  void wrongPasswordIsInvalidGrantWithoutEchoingIt() {
    HttpResponse<String> reply =
        http.postForm(passwordForm("analyst", "Wrong-Secret-42", "sandbox-client"));

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(json(reply)).containsEntry("error", "invalid_grant");
    assertThat(reply.body()).doesNotContain("Wrong-Secret-42");
    assertThat(sandbox.loginCount()).isZero();
    assertThat(sandbox.requests())
        .singleElement()
        .extracting(RecordedRequest::status)
        .isEqualTo(400);
  }

  @Test
  void unknownUserIsInvalidGrant() {
    HttpResponse<String> reply = http.postForm(passwordForm("nobody", "sandbox", "sandbox-client"));

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(json(reply)).containsEntry("error", "invalid_grant");
  }

  @Test
  void unknownClientIdIsInvalidClient() {
    HttpResponse<String> reply = http.postForm(passwordForm("analyst", "sandbox", "other-client"));

    assertThat(reply.statusCode()).isEqualTo(401);
    assertThat(json(reply)).containsEntry("error", "invalid_client");
    assertThat(sandbox.requests())
        .singleElement()
        .extracting(RecordedRequest::status)
        .isEqualTo(401);
  }

  @Test
  void userOfAnotherClientIdIsInvalidGrant() {
    sandbox.addUser("robot", "robot-pass", "robot-client");

    HttpResponse<String> reply = http.postForm(passwordForm("analyst", "sandbox", "robot-client"));

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(json(reply)).containsEntry("error", "invalid_grant");
  }

  @Test
  void missingScopeIsAccepted() {
    Map<String, String> form = passwordForm("analyst", "sandbox", "sandbox-client");
    form.remove("scope");

    HttpResponse<String> reply = http.postForm(form);

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(sandbox.requests().get(0).body()).doesNotContain("scope");
  }

  @Test
  void unknownScopeIsInvalidScope() {
    Map<String, String> form = passwordForm("analyst", "sandbox", "sandbox-client");
    form.put("scope", "session-type:Robot");

    HttpResponse<String> reply = http.postForm(form);

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(json(reply)).containsEntry("error", "invalid_scope");
  }

  @Test
  void missingFieldsAndUnknownGrantTypesAreInvalidRequests() {
    HttpResponse<String> noGrant = http.postForm(Map.of("client_id", "sandbox-client"));
    HttpResponse<String> noClient = http.postForm(Map.of("grant_type", "password"));
    HttpResponse<String> otherGrant =
        http.postForm(Map.of("grant_type", "client_credentials", "client_id", "sandbox-client"));

    assertThat(json(noGrant)).containsEntry("error", "invalid_request");
    assertThat(json(noClient)).containsEntry("error", "invalid_request");
    assertThat(json(otherGrant)).containsEntry("error", "unsupported_grant_type");
    assertThat(sandbox.requests())
        .extracting(RecordedRequest::status)
        .containsExactly(400, 400, 400);
  }

  @Test
  void loginAsJsonIsRefused() {
    HttpResponse<String> reply =
        http.send(
            java.net.http.HttpRequest.newBuilder(http.loginUri())
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"grant_type\":\"password\"}"))
                .build());

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(json(reply)).containsEntry("error", "invalid_request");
  }

  @Test
  void refreshRotatesTheRefreshTokenAndRefusesTheOldOne() {
    Map<String, Object> first = http.login("analyst", "sandbox");
    String oldRefresh = (String) first.get("refresh_token");

    HttpResponse<String> refreshed = http.postForm(refreshForm(oldRefresh, "sandbox-client"));
    HttpResponse<String> reused = http.postForm(refreshForm(oldRefresh, "sandbox-client"));

    assertThat(refreshed.statusCode()).isEqualTo(200);
    Map<String, Object> second = json(refreshed);
    assertThat(second.get("refresh_token")).isNotEqualTo(oldRefresh);
    assertThat(second.get("access_token")).isNotEqualTo(first.get("access_token"));
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(json(reused)).containsEntry("error", "invalid_grant");
    String newAccess = (String) second.get("access_token");
    assertThat(http.api("GET", "call/1000", newAccess, null).statusCode()).isEqualTo(200);
    assertThat(sandbox.loginCount()).isEqualTo(1);
  }

  @Test
  void refreshKeepsTheUser() {
    String refresh = (String) http.login("jsmith", "jsmith").get("refresh_token");
    String access =
        (String) json(http.postForm(refreshForm(refresh, "sandbox-client"))).get("access_token");

    HttpResponse<String> unlock = http.api("PUT", "call/1002/unlock", access, null);

    assertThat(unlock.statusCode()).isEqualTo(204);
    assertThat(sandbox.model().lockHolder(io.asmkit.core.domain.CallRef.of(1002))).isEmpty();
  }

  @Test
  void refreshThroughAnotherClientIsRefusedAndKeepsTheToken() {
    sandbox.addUser("robot", "robot-pass", "robot-client");
    String refresh = (String) http.login("analyst", "sandbox").get("refresh_token");

    HttpResponse<String> other = http.postForm(refreshForm(refresh, "robot-client"));
    HttpResponse<String> own = http.postForm(refreshForm(refresh, "sandbox-client"));

    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(own.statusCode()).isEqualTo(200);
  }

  @Test
  void accessTokenExpiresAfterItsLifetime() {
    String access = http.token("analyst", "sandbox");
    assertThat(http.api("GET", "call/1000", access, null).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofMillis(1001));
    HttpResponse<String> expired = http.api("GET", "call/1000", access, null);

    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(json(expired))
        .containsEntry("Message", "Authorization has been denied for this request.");
    assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void refreshTokenExpiresAfterItsLifetime() {
    String refresh = (String) http.login("analyst", "sandbox").get("refresh_token");

    clock.advance(Duration.ofSeconds(6));
    HttpResponse<String> reply = http.postForm(refreshForm(refresh, "sandbox-client"));

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(json(reply)).containsEntry("error", "invalid_grant");
  }

  @Test
  void expireAccessTokensMakesEveryIssuedTokenFail() {
    Map<String, Object> tokens = http.login("analyst", "sandbox");
    String access = (String) tokens.get("access_token");

    sandbox.expireAccessTokens();

    assertThat(http.api("GET", "call/1000", access, null).statusCode()).isEqualTo(401);
    String refresh = (String) tokens.get("refresh_token");
    String renewed =
        (String) json(http.postForm(refreshForm(refresh, "sandbox-client"))).get("access_token");
    assertThat(http.api("GET", "call/1000", renewed, null).statusCode()).isEqualTo(200);
  }

  @Test
  void expireRefreshTokensMakesRefreshFail() {
    String refresh = (String) http.login("analyst", "sandbox").get("refresh_token");

    sandbox.expireRefreshTokens();

    assertThat(http.postForm(refreshForm(refresh, "sandbox-client")).statusCode()).isEqualTo(400);
  }

  @Test
  void apiRequestsWithoutOrWithUnknownTokensAreDenied() {
    HttpResponse<String> none = http.api("GET", "call/1000", null, null);
    HttpResponse<String> unknown = http.api("GET", "call/1000", "not-a-token", null);
    HttpResponse<String> basic =
        http.send(
            java.net.http.HttpRequest.newBuilder(http.api("call/1000"))
                .header("Authorization", "Basic YW5hbHlzdDpzYW5kYm94")
                .build());

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(sandbox.requests())
        .extracting(RecordedRequest::status)
        .containsExactly(401, 401, 401);
    assertThat(sandbox.requests().get(0).header("Authorization")).isEmpty();
  }

  @Test
  void concurrentRefreshesWithOneTokenSucceedOnce() throws Exception {
    String refresh = (String) http.login("analyst", "sandbox").get("refresh_token");

    java.util.List<Integer> statuses =
        Concurrently.run(
            10, i -> http.postForm(refreshForm(refresh, "sandbox-client")).statusCode());

    assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
    assertThat(statuses).filteredOn(status -> status == 400).hasSize(9);
  }
}
