package io.asmkit.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.asmkit.feign.Wire.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.asmkit.core.domain.AccessDeniedException;
import io.asmkit.core.domain.ActionNotAllowedException;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallNotFoundException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.RequestRejectedException;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.domain.UnexpectedReplyException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of failed reply becomes the core's exception, with a message a person can act on. */
class AsmClientErrorsTest {

  @RegisterExtension static WireMockExtension wm = Wire.server();

  private static final CallRef REF = CallRef.of(1000);
  private static final String LOCK = API + "call/1000/lock";
  private static final String CALL = API + "call/1000";

  private AsmClient client() {
    return Wire.client(wm, new Wire.FakeTime()).build();
  }

  private static void answerLock(int status, String body) {
    wm.stubFor(
        put(urlEqualTo(LOCK))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", Wire.JSON)
                    .withBody(body)));
  }

  @Test
  void reportsALockHeldByAnotherUserNamingTheHolder() {
    answerLock(409, "{\"Message\":\"Call 1000 is locked by jsmith.\"}");

    assertThatThrownBy(() -> client().lock(REF))
        .isInstanceOfSatisfying(
            CallLockedException.class,
            e -> {
              assertThat(e.holder()).contains("jsmith");
              assertThat(e.callRef()).contains(REF);
              assertThat(e.httpStatus()).hasValue(409);
              assertThat(e.serverMessage()).contains("Call 1000 is locked by jsmith.");
              assertThat(e.getMessage())
                  .startsWith("Call 1000 is locked by 'jsmith'.")
                  .contains("PUT /sandbox/alemba.api/api/v2/call/1000/lock answered 409")
                  .doesNotContain("\n");
            });
    wm.verify(1, putRequestedFor(urlEqualTo(LOCK)));
  }

  @Test
  void reportsA423WithoutMessageAsLockedByAnUnknownUser() {
    answerLock(423, "");

    assertThatThrownBy(() -> client().lock(REF))
        .isInstanceOfSatisfying(
            CallLockedException.class,
            e -> {
              assertThat(e.holder()).isEmpty();
              assertThat(e.getMessage()).contains("another user").contains("with an empty body");
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 418, 422})
  void reportsAnyStatusWhoseMessageSaysLockedByAsLocked(int status) {
    answerLock(status, "{\"Message\":\"The call is locked by John Smith (jsmith). Try later.\"}");

    assertThatThrownBy(() -> client().lock(REF))
        .isInstanceOfSatisfying(
            CallLockedException.class, e -> assertThat(e.holder()).contains("John Smith (jsmith)"));
  }

  @Test
  void reportsAnUpdateOfACallNotLockedByUsAsNotAllowed() {
    wm.stubFor(
        put(urlEqualTo(CALL))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody(
                        "{\"Message\":\"Call 1000 is Open and not locked by you: lock it before"
                            + " updating it.\"}")));

    assertThatThrownBy(() -> client().update(REF, CallUpdate.builder().status(3).build()))
        .isInstanceOf(ActionNotAllowedException.class)
        .hasMessageContaining("update call 1000")
        .hasMessageContaining("PUT /sandbox/alemba.api/api/v2/call/1000 answered 422")
        .hasMessageContaining("not locked by you");
  }

  @Test
  void reportsA400SayingNotLockedByYouAsNotAllowed() {
    wm.stubFor(
        put(urlEqualTo(CALL))
            .willReturn(
                aResponse().withStatus(400).withBody("{\"Message\":\"Not locked by you.\"}")));

    assertThatThrownBy(() -> client().update(REF, CallUpdate.builder().status(3).build()))
        .isInstanceOf(ActionNotAllowedException.class);
  }

  @Test
  void reportsValidationFailuresWithTheirModelState() {
    wm.stubFor(
        put(urlEqualTo(CALL))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"Message\":\"The request is invalid.\",\"ModelState\":"
                            + "{\"DescriptionHtml\":[\"Must be sent with Description.\"]}}")));

    assertThatThrownBy(() -> client().update(REF, CallUpdate.builder().status(3).build()))
        .isInstanceOfSatisfying(
            RequestRejectedException.class,
            e -> {
              assertThat(e.serverMessage())
                  .contains(
                      "The request is invalid. DescriptionHtml: Must be sent with Description.");
              assertThat(e.getMessage())
                  .contains("ASM rejected the request to update call 1000 as invalid")
                  .contains("answered 400");
            });
  }

  @Test
  void reportsForbiddenAsAccessDenied() {
    answerLock(403, "{\"Message\":\"Analysts of this group may not lock calls.\"}");

    assertThatThrownBy(() -> client().lock(REF))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may not lock call 1000")
        .hasMessageContaining("Analysts of this group may not lock calls.");
  }

  @Test
  void reportsAnUnknownCallAsNotFound() {
    wm.stubFor(
        get(urlEqualTo(CALL))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"Message\":\"Call 1000 was not found.\"}")));

    assertThatThrownBy(() -> client().get(REF))
        .isInstanceOfSatisfying(
            CallNotFoundException.class,
            e -> {
              assertThat(e.callRef()).contains(REF);
              assertThat(e.getMessage())
                  .contains("Call 1000 was not found")
                  .doesNotContain("check the base URL");
            });
  }

  @Test
  void hintsAtTheBaseUrlWhenA404IsNotAsmJson() {
    wm.stubFor(
        get(urlEqualTo(CALL))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "<html><head><title>404 - File or directory not found.</title></head></html>")));

    assertThatThrownBy(() -> client().get(REF))
        .isInstanceOf(CallNotFoundException.class)
        .hasMessageContaining("an HTML page: 404 - File or directory not found.")
        .hasMessageContaining("check the base URL");
  }

  @Test
  void reportsOtherClientErrorsAsRejected() {
    answerLock(418, "{\"Message\":\"I'm a teapot.\"}");

    assertThatThrownBy(() -> client().lock(REF))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessageContaining("ASM refused to lock call 1000")
        .hasMessageContaining("answered 418: I'm a teapot.");
  }

  @Test
  void reportsARedirectNamingWhereItLeads() {
    wm.stubFor(
        put(urlEqualTo(LOCK))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "https://sso.example.org/login")));

    assertThatThrownBy(() -> client().lock(REF))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessageContaining("with a redirect to https://sso.example.org/login")
        .hasMessageContaining("check the base URL");
    wm.verify(1, putRequestedFor(urlEqualTo(LOCK)));
  }

  @Test
  void reportsAnHtmlErrorPageByItsTitleNotItsMarkup() {
    wm.stubFor(
        put(urlEqualTo(LOCK))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/html")
                    .withBody(
                        "<!DOCTYPE html>\n<html><head><title>Runtime Error</title></head>\n<body>"
                            + "<h1>Server Error in '/' Application.</h1>"
                            + "x".repeat(2000)
                            + "</body></html>")));

    assertThatThrownBy(() -> client().lock(REF))
        .isInstanceOfSatisfying(
            ServerUnavailableException.class,
            e -> {
              assertThat(e.serverMessage()).contains("an HTML page: Runtime Error");
              assertThat(e.getMessage())
                  .contains("server error while trying to lock call 1000")
                  .contains("answered 500: an HTML page: Runtime Error")
                  .doesNotContain("<")
                  .hasSizeLessThan(600);
            });
    wm.verify(1, putRequestedFor(urlEqualTo(LOCK)));
  }

  @Test
  void cutsLongRepliesToAShortSingleLineExcerpt() {
    answerLock(418, "line one\nline two " + "word ".repeat(200));

    assertThatThrownBy(() -> client().lock(REF))
        .isInstanceOfSatisfying(
            AsmException.class,
            e -> {
              assertThat(e.serverMessage().orElseThrow()).hasSizeLessThanOrEqualTo(300);
              assertThat(e.getMessage()).contains("line one line two").doesNotContain("\n");
            });
  }

  @Test
  void reportsABodyThatIsNotJsonOnAGetAsUnexpected() {
    wm.stubFor(get(urlEqualTo(CALL)).willReturn(okJson("{\"Ref\":1000,\"Descr")));

    assertThatThrownBy(() -> client().get(REF))
        .isInstanceOf(UnexpectedReplyException.class)
        .hasMessageContaining("without the call as a JSON object")
        .hasMessageContaining("GET /sandbox/alemba.api/api/v2/call/1000 answered 200");
  }

  @Test
  void reportsAnHtmlPageAnsweredWithSuccessAsUnexpected() {
    wm.stubFor(
        put(urlEqualTo(LOCK))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<html><head><title>Company sign-in</title></head></html>")));

    assertThatThrownBy(() -> client().lock(REF))
        .isInstanceOf(UnexpectedReplyException.class)
        .hasMessageContaining("without ASM's JSON (it sent an HTML page)")
        .hasMessageContaining("check that the base URL leads to ASM itself")
        .hasMessageContaining("answered 200: an HTML page: Company sign-in");
  }

  @Test
  void reportsACreateReplyWithoutRefSayingACallMayExist() {
    wm.stubFor(post(urlEqualTo(API + "call")).willReturn(aResponse().withStatus(201)));

    assertThatThrownBy(() -> client().create(CallUpdate.builder().description("new").build()))
        .isInstanceOf(UnexpectedReplyException.class)
        .hasMessageContaining("a call may have been created");
  }

  @Test
  void reportsATimeoutNamingTheRequestAndTheWait() {
    wm.stubFor(get(urlEqualTo(CALL)).willReturn(okJson("{}").withFixedDelay(2_000)));
    AsmClient client =
        Wire.client(wm, new Wire.FakeTime()).readTimeout(Duration.ofMillis(200)).build();

    assertThatThrownBy(() -> client.get(REF))
        .isInstanceOfSatisfying(
            ServerUnavailableException.class,
            e -> {
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.httpStatus()).isEmpty();
              assertThat(e.getMessage())
                  .contains("ASM did not answer in time to read call 1000")
                  .contains("GET /sandbox/alemba.api/api/v2/call/1000 timed out after 200 ms");
            });
  }

  @Test
  @Timeout(20) // a regression would hang on the stalled body: fail instead
  void timesOutWhenTheBodyStallsAfterTheHeaders() {
    wm.stubFor(
        get(urlEqualTo(CALL))
            .willReturn(
                okJson("{\"Ref\":1000,\"Description\":\"" + "x".repeat(200) + "\"}")
                    .withChunkedDribbleDelay(40, 4_000)));
    AsmClient client =
        Wire.client(wm, new Wire.FakeTime()).readTimeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> client.get(REF))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageContaining("timed out after 300 ms");
  }

  @Test
  void reportsAResetConnectionAsUnavailable() {
    wm.stubFor(
        put(urlEqualTo(LOCK)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client().lock(REF))
        .isInstanceOfSatisfying(
            ServerUnavailableException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("The connection to ASM broke while trying to lock call 1000")
                    .contains("PUT /sandbox/alemba.api/api/v2/call/1000/lock failed"));
  }

  @Test
  void reportsARefusedConnectionSayingWhatToCheck() {
    AsmClient client =
        AsmClient.builder("http://127.0.0.1:1/sandbox")
            .bearerToken(Wire.TOKEN)
            .retry(RetryPolicy.none())
            .build();

    assertThatThrownBy(() -> client.unlock(REF))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageContaining("Could not connect to ASM to unlock call 1000")
        .hasMessageContaining("Check the address, the network and the proxy")
        .hasMessageNotContaining("null")
        .hasMessageNotContaining("()");
  }

  @Test
  void redactsTokenLookingTextInExcerpts() {
    answerLock(
        418,
        "{\"Message\":\"Token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl and"
            + " access_token=abc123def and Bearer q9W8e7R6t5Y4u3I2o1P0aSdFgHjKlZxCvBnM"
            + " and 9f3b2c1d4e5f60718293a4b5c6d7e8f90a1b2c3d\"}");

    assertThatThrownBy(() -> client().lock(REF))
        .isInstanceOfSatisfying(
            AsmException.class,
            e -> {
              assertThat(e.getMessage())
                  .doesNotContain("eyJhbGciOiJIUzI1NiJ9")
                  .doesNotContain("abc123def")
                  .doesNotContain("q9W8e7R6t5Y4u3I2o1P0aSdFgHjKlZxCvBnM")
                  .doesNotContain("9f3b2c1d4e5f60718293a4b5c6d7e8f90a1b2c3d")
                  .contains("Token ****")
                  .contains("access_token=****");
              assertThat(e.serverMessage().orElseThrow()).doesNotContain("abc123def");
            });
  }

  @Test
  void neverSendsMoreThanOneRequestForAFailureThatDoesNotPass() {
    wm.stubFor(get(urlEqualTo(CALL)).willReturn(aResponse().withStatus(404)));
    AsmClient retrying = Wire.client(wm, new Wire.FakeTime()).retry(RetryPolicy.defaults()).build();

    assertThatThrownBy(() -> retrying.get(REF)).isInstanceOf(CallNotFoundException.class);

    wm.verify(1, getRequestedFor(urlEqualTo(CALL)));
  }
}
