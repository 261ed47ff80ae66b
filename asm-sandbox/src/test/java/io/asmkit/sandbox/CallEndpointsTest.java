package io.asmkit.sandbox;

import static io.asmkit.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.inmemory.InMemoryAsm;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every call endpoint and the rules the model enforces, seen over HTTP. */
class CallEndpointsTest {

  @RegisterExtension static AsmSandboxExtension sandbox = new AsmSandboxExtension();

  private static SandboxHttp http;
  private static String analyst;
  private static String jsmith;

  @BeforeAll
  static void logIn() {
    http = new SandboxHttp(sandbox.get());
    analyst = http.token("analyst", "sandbox");
    jsmith = http.token("jsmith", "jsmith");
  }

  private static InMemoryAsm model() {
    return sandbox.get().model();
  }

  private static CallRef openCall() {
    return model()
        .addCall(
            CallStage.OPEN,
            Map.of(
                "Description", "A test call", "DescriptionHtml", "A test call", "CallStatus", 2));
  }

  private static RecordedRequest lastRequest() {
    List<RecordedRequest> requests = sandbox.get().requests();
    return requests.get(requests.size() - 1);
  }

  @Test
  void getAnswersTheFieldsRefFirstAndActions() {
    HttpResponse<String> reply = http.api("GET", "call/1000", analyst, null);

    assertThat(reply.statusCode()).isEqualTo(200);
    Map<String, Object> call = json(reply);
    assertThat(call.keySet()).first().isEqualTo("Ref");
    assertThat(call)
        .containsEntry("Ref", 1000)
        .containsEntry("Description", "Deploy release 2026.12 to production")
        .containsKey("DescriptionHtml")
        .containsEntry("CallStatus", 2);
    assertThat(call.get("_actions"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("lock", Map.of("href", "api:v2/call/1000/lock"))
        .doesNotContainKey("unlock");
    assertThat(lastRequest().method()).isEqualTo("GET");
    assertThat(lastRequest().path()).isEqualTo("/sandbox/alemba.api/api/v2/call/1000");
    assertThat(lastRequest().header("authorization")).hasValue("Bearer " + analyst);
  }

  @Test
  void getOfAnUnknownCallIs404NamingIt() {
    HttpResponse<String> reply = http.api("GET", "call/999999", analyst, null);

    assertThat(reply.statusCode()).isEqualTo(404);
    assertThat(json(reply)).containsEntry("Message", "Call 999999 was not found.");
    assertThat(lastRequest().status()).isEqualTo(404);
  }

  @Test
  void lockAndUnlockAnswer204AndMoveTheLock() {
    CallRef ref = openCall();

    HttpResponse<String> lock = http.api("PUT", "call/" + ref + "/lock", analyst, null);
    assertThat(model().lockHolder(ref)).hasValue("analyst");
    HttpResponse<String> unlock = http.api("PUT", "call/" + ref + "/unlock", analyst, null);

    assertThat(lock.statusCode()).isEqualTo(204);
    assertThat(lock.body()).isEmpty();
    assertThat(unlock.statusCode()).isEqualTo(204);
    assertThat(model().lockHolder(ref)).isEmpty();
    assertThat(sandbox.get().requests())
        .extracting(RecordedRequest::method, RecordedRequest::path, RecordedRequest::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "PUT", "/sandbox/alemba.api/api/v2/call/" + ref + "/lock", 204),
            org.assertj.core.groups.Tuple.tuple(
                "PUT", "/sandbox/alemba.api/api/v2/call/" + ref + "/unlock", 204));
  }

  @Test
  void lockingACallYouHoldSucceedsAgain() {
    CallRef ref = openCall();
    http.api("PUT", "call/" + ref + "/lock", analyst, null);

    HttpResponse<String> again = http.api("PUT", "call/" + ref + "/lock", analyst, null);

    assertThat(again.statusCode()).isEqualTo(204);
    assertThat(model().lockHolder(ref)).hasValue("analyst");
  }

  @Test
  void lockHeldByAnotherUserIsRefusedWith409NamingTheHolder() {
    HttpResponse<String> reply = http.api("PUT", "call/1002/lock", analyst, null);

    assertThat(reply.statusCode()).isEqualTo(409);
    assertThat(reply.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(json(reply)).containsEntry("Message", "Call 1002 is locked by jsmith.");
    assertThat(model().lockHolder(CallRef.of(1002))).hasValue("jsmith");
    assertThat(lastRequest().status()).isEqualTo(409);
  }

  @Test
  void unlockOfAnotherUsersLockIsRefused() {
    HttpResponse<String> reply = http.api("PUT", "call/1002/unlock", analyst, null);

    assertThat(reply.statusCode()).isEqualTo(409);
    assertThat(model().lockHolder(CallRef.of(1002))).hasValue("jsmith");
  }

  @Test
  void updateOfAnOpenCallNotLockedByYouIs422() {
    CallRef ref = openCall();

    HttpResponse<String> reply =
        http.api("PUT", "call/" + ref, analyst, "{\"CustomString1\":\"x\"}");

    assertThat(reply.statusCode()).isEqualTo(422);
    assertThat(json(reply))
        .containsEntry(
            "Message",
            "Call " + ref + " is Open and not locked by you: lock it before updating it.");
    assertThat(model().get("analyst", ref).field("CustomString1")).isEmpty();
  }

  @Test
  void updateOfACallLockedByAnotherIs409() {
    HttpResponse<String> reply = http.api("PUT", "call/1002", analyst, "{\"CustomString1\":\"x\"}");

    assertThat(reply.statusCode()).isEqualTo(409);
    assertThat(json(reply)).containsEntry("Message", "Call 1002 is locked by jsmith.");
  }

  @Test
  void updateOfAnOpenCallLockedByYouAnswersTheCall() {
    CallRef ref = openCall();
    http.api("PUT", "call/" + ref + "/lock", analyst, null);

    HttpResponse<String> reply =
        http.api(
            "PUT",
            "call/" + ref,
            analyst,
            "{\"Description\":\"Deployed\",\"DescriptionHtml\":\"<p>Deployed</p>\",\"CallStatus\":3,"
                + "\"Amount\":12.50}");

    assertThat(reply.statusCode()).isEqualTo(200);
    Map<String, Object> call = json(reply);
    assertThat(((Number) call.get("Ref")).longValue()).isEqualTo(ref.value());
    assertThat(call)
        .containsEntry("Description", "Deployed")
        .containsEntry("DescriptionHtml", "<p>Deployed</p>")
        .containsEntry("CallStatus", 3)
        .containsKey("_actions");
    assertThat(model().get("analyst", ref).field("CallStatus")).hasValue(3);
    assertThat(model().get("analyst", ref).field("Amount"))
        .hasValue(new java.math.BigDecimal("12.50"));
    assertThat(lastRequest().body()).contains("\"CallStatus\":3");
  }

  @Test
  void updateOfANewCallNeedsNoLock() {
    CallRef ref = model().addCall(CallStage.NEW, Map.of());

    HttpResponse<String> reply = http.api("PUT", "call/" + ref, analyst, "{\"Urgency\":2}");

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(model().get("analyst", ref).field("Urgency")).hasValue(2);
  }

  @Test
  void descriptionWithoutItsHtmlIsRejectedWithModelState() {
    CallRef ref = openCall();
    http.api("PUT", "call/" + ref + "/lock", analyst, null);

    HttpResponse<String> reply =
        http.api("PUT", "call/" + ref, analyst, "{\"Description\":\"plain only\"}");

    assertThat(reply.statusCode()).isEqualTo(400);
    Map<String, Object> body = json(reply);
    assertThat(body).containsEntry("Message", "The request is invalid.");
    assertThat(body.get("ModelState"))
        .isEqualTo(
            Map.of(
                "Description", List.of("Description must be sent together with DescriptionHtml.")));
    assertThat(model().get("analyst", ref).description()).hasValue("A test call");
  }

  @Test
  void htmlWithoutItsPlainFieldIsRejected() {
    CallRef ref = model().addCall(CallStage.NEW, Map.of());

    HttpResponse<String> reply =
        http.api("PUT", "call/" + ref, analyst, "{\"DescriptionHtml\":\"<b>x</b>\"}");

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(json(reply).get("ModelState").toString()).contains("DescriptionHtml");
  }

  @Test
  void invalidFieldNamesUnknownStatusesAndBadBodiesAre400() {
    CallRef ref = model().addCall(CallStage.NEW, Map.of());
    String path = "call/" + ref;

    List<HttpResponse<String>> replies =
        List.of(
            http.api("PUT", path, analyst, "{\"bad-name\":1}"),
            http.api("PUT", path, analyst, "{\"CallStatus\":99}"),
            http.api("PUT", path, analyst, "{\"Urgency\":"),
            http.api("PUT", path, analyst, "[1,2]"),
            http.api("PUT", path, analyst, "{\"Urgency\":1,\"Urgency\":2}"),
            http.api("PUT", path, analyst, ""));

    assertThat(replies).extracting(HttpResponse::statusCode).containsOnly(400);
    assertThat(replies)
        .allSatisfy(
            reply -> assertThat(json(reply)).containsEntry("Message", "The request is invalid."));
    assertThat(json(replies.get(1)).get("ModelState").toString()).contains("CallStatus");
    assertThat(json(replies.get(3)).get("ModelState").toString()).contains("JSON array");
    assertThat(model().get("analyst", ref).fields()).containsOnlyKeys("Ref");
  }

  @Test
  void forwardReleasesTheLockAndAppliesItsParameters() {
    CallRef ref = openCall();
    http.api("PUT", "call/" + ref + "/lock", analyst, null);

    HttpResponse<String> reply =
        http.api("PUT", "call/" + ref + "/forward", analyst, "{\"ReceivingGroup\":42}");

    assertThat(reply.statusCode()).isEqualTo(204);
    assertThat(model().lockHolder(ref)).isEmpty();
    assertThat(model().stage(ref)).isEqualTo(CallStage.OPEN);
    assertThat(model().get("analyst", ref).field("ReceivingGroup")).hasValue(42);
  }

  @Test
  void deferAcceptsTheWrappedActionFormAndAnEmptyBody() {
    CallRef wrapped = openCall();
    CallRef empty = openCall();
    http.api("PUT", "call/" + wrapped + "/lock", analyst, null);
    http.api("PUT", "call/" + empty + "/lock", analyst, null);

    HttpResponse<String> first =
        http.api(
            "PUT",
            "call/" + wrapped + "/defer",
            analyst,
            "{\"action\":{\"CustomString1\":\"q3\"}}");
    HttpResponse<String> second = http.api("PUT", "call/" + empty + "/defer", analyst, null);

    assertThat(first.statusCode()).isEqualTo(204);
    assertThat(second.statusCode()).isEqualTo(204);
    assertThat(model().get("analyst", wrapped).field("CustomString1")).hasValue("q3");
    assertThat(model().lockedRefs()).doesNotContain(wrapped, empty);
  }

  @Test
  void closeReleasesTheLockAndClosesTheCallForGood() {
    CallRef ref = openCall();
    http.api("PUT", "call/" + ref + "/lock", analyst, null);

    HttpResponse<String> close = http.api("PUT", "call/" + ref + "/close", analyst, "{}");
    HttpResponse<String> lock = http.api("PUT", "call/" + ref + "/lock", analyst, null);
    HttpResponse<String> update = http.api("PUT", "call/" + ref, analyst, "{\"Urgency\":1}");
    HttpResponse<String> get = http.api("GET", "call/" + ref, analyst, null);

    assertThat(close.statusCode()).isEqualTo(204);
    assertThat(model().stage(ref)).isEqualTo(CallStage.CLOSED);
    assertThat(model().lockHolder(ref)).isEmpty();
    assertThat(lock.statusCode()).isEqualTo(422);
    assertThat(update.statusCode()).isEqualTo(422);
    assertThat(json(update).get("Message").toString()).contains("closed");
    assertThat(json(get).get("_actions")).isEqualTo(Map.of());
  }

  @Test
  void actionOnACallLockedByAnotherIs409() {
    HttpResponse<String> reply = http.api("PUT", "call/1002/close", analyst, "{}");

    assertThat(reply.statusCode()).isEqualTo(409);
    assertThat(model().stage(CallRef.of(1002))).isEqualTo(CallStage.OPEN);
  }

  @Test
  void actionWithAnInvalidParameterNameIs400() {
    CallRef ref = openCall();

    HttpResponse<String> reply =
        http.api("PUT", "call/" + ref + "/forward", analyst, "{\"group\":1}");

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(json(reply)).containsEntry("Message", "The request is invalid.");
  }

  @Test
  void createAnswers201WithRefAndSubmitOpensTheCall() {
    HttpResponse<String> created =
        http.api(
            "POST",
            "call",
            analyst,
            "{\"Description\":\"From CI\",\"DescriptionHtml\":\"From CI\",\"CallStatus\":1}");

    assertThat(created.statusCode()).isEqualTo(201);
    Map<String, Object> body = json(created);
    CallRef ref = CallRef.of(((Number) body.get("Ref")).longValue());
    assertThat(body.get("_actions").toString()).contains("api:v2/call/" + ref + "/submit");
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/call/" + ref));
    assertThat(model().stage(ref)).isEqualTo(CallStage.NEW);

    HttpResponse<String> submit = http.api("PUT", "call/" + ref + "/submit", analyst, null);
    HttpResponse<String> again = http.api("PUT", "call/" + ref + "/submit", analyst, null);

    assertThat(submit.statusCode()).isEqualTo(204);
    assertThat(model().stage(ref)).isEqualTo(CallStage.OPEN);
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(lastRequest().path()).endsWith("/call/" + ref + "/submit");
  }

  @Test
  void createWithAnUnpairedDescriptionIs400() {
    int before = model().refs().size();

    HttpResponse<String> reply = http.api("POST", "call", analyst, "{\"Description\":\"x\"}");

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(model().refs()).hasSize(before);
  }

  @Test
  void statusTitlesAreListed() {
    HttpResponse<String> reply = http.api("GET", "call-status", analyst, null);

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).startsWith("[{").contains("\"Ref\":3", "\"Title\":\"In Progress\"");
  }

  @Test
  void unknownPathsAre404AndRecorded() {
    List<HttpResponse<String>> replies =
        List.of(
            http.api("GET", "configuration-item/1", analyst, null),
            http.api("GET", "call/abc", analyst, null),
            http.api("PUT", "call/1000/reopen", analyst, null),
            http.api("GET", "call/1000/lock/extra", analyst, null),
            http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sandbox.get().baseUrl() + "/../elsewhere"))
                    .build()),
            http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:" + sandbox.get().port() + "/other/thing?x=1"))
                    .build()));

    assertThat(replies).extracting(HttpResponse::statusCode).containsOnly(404);
    assertThat(sandbox.get().requests())
        .hasSize(6)
        .extracting(RecordedRequest::status)
        .containsOnly(404);
    assertThat(lastRequest().path()).isEqualTo("/other/thing");
    assertThat(lastRequest().query()).isEqualTo("x=1");
  }

  @Test
  void unknownPathIs404EvenWithoutAToken() {
    HttpResponse<String> reply = http.api("GET", "nothing-here", null, null);

    assertThat(reply.statusCode()).isEqualTo(404);
  }

  @Test
  void wrongMethodOnAKnownAddressIs405() {
    HttpResponse<String> reply = http.api("GET", "call/1000/lock", analyst, null);
    HttpResponse<String> delete = http.api("DELETE", "call/1000", analyst, null);

    assertThat(reply.statusCode()).isEqualTo(405);
    assertThat(reply.headers().firstValue("Allow")).hasValue("PUT");
    assertThat(delete.headers().firstValue("Allow")).hasValue("GET, PUT");
  }

  @Test
  void jsmithSeesUnlockInTheActionsOfTheCallHeHolds() {
    HttpResponse<String> reply = http.api("GET", "call/1002", jsmith, null);

    assertThat(json(reply).get("_actions").toString()).contains("unlock", "update");
  }

  @Test
  void headIsAnsweredWithoutABody() {
    HttpResponse<String> reply = http.api("HEAD", "call/1000", analyst, null);

    assertThat(reply.statusCode()).isEqualTo(405);
    assertThat(reply.body()).isEmpty();
    assertThat(http.api("GET", "call/1000", analyst, null).statusCode()).isEqualTo(200);
  }

  @Test
  void oversizedBodyIs413AndRecordedWithoutIt() {
    String huge = "{\"CustomString1\":\"" + "x".repeat(SandboxHandler.MAX_BODY_BYTES) + "\"}";

    HttpResponse<String> reply = http.api("PUT", "call/1003", analyst, huge);

    assertThat(reply.statusCode()).isEqualTo(413);
    assertThat(lastRequest().status()).isEqualTo(413);
    assertThat(lastRequest().body()).isEmpty();
    assertThat(model().get("analyst", CallRef.of(1003)).field("CustomString1")).isEmpty();
  }

  @Test
  void bodyWithoutAJsonContentTypeIs415() {
    CallRef ref = model().addCall(CallStage.NEW, Map.of());
    java.net.http.HttpRequest.Builder put =
        java.net.http.HttpRequest.newBuilder(http.api("call/" + ref))
            .header("Authorization", "Bearer " + analyst)
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"Urgency\":1}"));

    HttpResponse<String> none = http.send(put.build());
    HttpResponse<String> text = http.send(put.header("Content-Type", "text/plain").build());

    assertThat(none.statusCode()).isEqualTo(415);
    assertThat(json(none).get("Message").toString()).contains("'(none)'", "application/json");
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(json(text).get("Message").toString()).contains("'text/plain'");
    assertThat(model().get("analyst", ref).field("Urgency")).isEmpty();
    assertThat(lastRequest().header("Content-Type")).hasValue("text/plain");
  }

  @Test
  void lockIgnoresABodyWhateverItsType() {
    CallRef ref = openCall();

    HttpResponse<String> reply =
        http.send(
            java.net.http.HttpRequest.newBuilder(http.api("call/" + ref + "/lock"))
                .header("Authorization", "Bearer " + analyst)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("ignored"))
                .build());

    assertThat(reply.statusCode()).isEqualTo(204);
    assertThat(lastRequest().body()).isEqualTo("ignored");
    assertThat(model().lockHolder(ref)).hasValue("analyst");
  }
}
