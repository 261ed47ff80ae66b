package io.asmkit.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.asmkit.feign.Wire.API;
import static io.asmkit.feign.Wire.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exact requests each operation sends, and the replies it accepts. (Content types are compared
 * without regard to case: WireMock's Jetty reports {@code charset=utf-8} as {@code UTF-8}.)
 */
class AsmClientRequestsTest {

  @RegisterExtension static WireMockExtension wm = Wire.server();

  private static final CallRef REF = CallRef.of(1000);

  private AsmClient client() {
    return Wire.client(wm, new Wire.FakeTime()).build();
  }

  @Test
  void locksWithAPutWithoutBodyCarryingTheBearerToken() {
    wm.stubFor(put(urlEqualTo(API + "call/1000/lock")).willReturn(noContent()));

    client().lock(REF);

    wm.verify(
        1,
        putRequestedFor(urlEqualTo(API + "call/1000/lock"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Accept", equalTo("application/json")));
    LoggedRequest sent = only();
    assertThat(sent.getBody()).isEmpty();
    assertThat(sent.containsHeader("Content-Type")).isFalse();
  }

  @Test
  void unlocksAndSubmitsWithPutsWithoutBody() {
    wm.stubFor(put(urlEqualTo(API + "call/1000/unlock")).willReturn(noContent()));
    wm.stubFor(put(urlEqualTo(API + "call/1000/submit")).willReturn(noContent()));

    client().unlock(REF);
    client().submit(REF);

    List<LoggedRequest> sent =
        wm.findAll(putRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    assertThat(sent)
        .extracting(LoggedRequest::getUrl)
        .containsExactlyInAnyOrder(API + "call/1000/unlock", API + "call/1000/submit");
    assertThat(sent).allSatisfy(request -> assertThat(request.getBody()).isEmpty());
  }

  @Test
  void updatesSendingOnlyTheChangedFieldsWithRichTextInPairs() {
    wm.stubFor(put(urlEqualTo(API + "call/1000")).willReturn(noContent()));

    client().update(REF, CallUpdate.builder().description("Deployed <512>").status(3).build());

    wm.verify(
        putRequestedFor(urlEqualTo(API + "call/1000"))
            .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
            .withRequestBody(
                equalToJson(
                    "{\"Description\":\"Deployed <512>\","
                        + "\"DescriptionHtml\":\"Deployed &lt;512&gt;\",\"CallStatus\":3}")));
  }

  @Test
  void acceptsAnUpdateAnsweredWithTheCallAndUnknownFields() {
    wm.stubFor(
        put(urlEqualTo(API + "call/1000"))
            .willReturn(okJson("{\"Ref\":1000,\"Brand\":\"new\",\"_actions\":{}}")));

    client().update(REF, CallUpdate.builder().field("CustomString1", "r-1").build());

    wm.verify(
        putRequestedFor(urlEqualTo(API + "call/1000"))
            .withRequestBody(equalToJson("{\"CustomString1\":\"r-1\"}")));
  }

  @Test
  void acceptsALockAnsweredWith200AndAnyBody() {
    wm.stubFor(
        put(urlEqualTo(API + "call/1000/lock"))
            .willReturn(aResponse().withStatus(200).withBody("locked, whatever that means")));

    client().lock(REF);

    wm.verify(1, putRequestedFor(urlEqualTo(API + "call/1000/lock")));
  }

  @Test
  void readsACallKeepingUnknownFields() {
    wm.stubFor(
        get(urlEqualTo(API + "call/1000"))
            .willReturn(
                okJson(
                    "{\"Ref\":1000,\"Description\":\"printer\",\"DescriptionHtml\":\"printer\","
                        + "\"CallStatus\":2,\"Unheard\":{\"of\":[1,2]},"
                        + "\"_actions\":{\"lock\":{\"href\":\"api:v2/call/1000/lock\"}}}")));

    Call call = client().get(REF);

    assertThat(call.ref()).isEqualTo(REF);
    assertThat(call.description()).contains("printer");
    assertThat(call.status()).hasValue(2);
    assertThat(call.field("Unheard")).contains(Map.of("of", List.of(1, 2)));
    wm.verify(
        getRequestedFor(urlEqualTo(API + "call/1000"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    assertThat(only().getBody()).isEmpty();
  }

  @Test
  void forwardsWithTheParametersAsAPlainObject() {
    wm.stubFor(put(urlEqualTo(API + "call/1000/forward")).willReturn(noContent()));

    client().perform(REF, CallAction.of(CallAction.Kind.FORWARD, Map.of("ReceivingGroup", 7)));

    wm.verify(
        putRequestedFor(urlEqualTo(API + "call/1000/forward"))
            .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
            .withRequestBody(equalToJson("{\"ReceivingGroup\":7}")));
  }

  @Test
  void defersAndClosesWithAnEmptyObject() {
    wm.stubFor(put(urlEqualTo(API + "call/1000/defer")).willReturn(noContent()));
    wm.stubFor(put(urlEqualTo(API + "call/1000/close")).willReturn(noContent()));

    client().perform(REF, CallAction.of(CallAction.Kind.DEFER));
    client().perform(REF, CallAction.of(CallAction.Kind.CLOSE));

    wm.verify(
        putRequestedFor(urlEqualTo(API + "call/1000/defer")).withRequestBody(equalToJson("{}")));
    wm.verify(
        putRequestedFor(urlEqualTo(API + "call/1000/close")).withRequestBody(equalToJson("{}")));
  }

  @Test
  void createsWithAPostAndReadsTheNewRef() {
    wm.stubFor(
        post(urlEqualTo(API + "call"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", Wire.JSON)
                    .withBody(
                        "{\"Ref\":1234,\"_actions\":{\"submit\":{\"href\":\"api:v2/call/1234/submit\"}}}")));

    CallRef created = client().create(CallUpdate.builder().description("from a pipeline").build());

    assertThat(created).isEqualTo(CallRef.of(1234));
    wm.verify(
        postRequestedFor(urlEqualTo(API + "call"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(
                equalToJson(
                    "{\"Description\":\"from a pipeline\",\"DescriptionHtml\":\"from a pipeline\"}")));
  }

  private static LoggedRequest only() {
    List<LoggedRequest> all =
        wm.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
