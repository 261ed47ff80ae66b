package io.asmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.inmemory.CallStage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sandbox stays consistent when many clients talk to it at once. */
class ConcurrencyTest {

  private static final int USERS = 20;

  @RegisterExtension static AsmSandboxExtension sandbox = new AsmSandboxExtension();

  @Test
  void twentyUsersLockingOneCallTogetherLeaveExactlyOneWinner() throws Exception {
    SandboxHttp http = new SandboxHttp(sandbox.get());
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      sandbox.get().addUser("user" + i, "pass" + i, "sandbox-client");
      tokens.add(http.token("user" + i, "pass" + i));
    }
    CallRef ref = sandbox.get().model().addCall(CallStage.OPEN, Map.of());
    sandbox.get().clearRequests();

    List<HttpResponse<String>> replies =
        Concurrently.run(USERS, i -> http.api("PUT", "call/" + ref + "/lock", tokens.get(i), null));

    List<Integer> winners = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      if (replies.get(i).statusCode() == 204) {
        winners.add(i);
      }
    }
    assertThat(winners).hasSize(1);
    String winner = "user" + winners.get(0);
    assertThat(sandbox.get().model().lockHolder(ref)).hasValue(winner);
    assertThat(replies)
        .filteredOn(reply -> reply.statusCode() == 409)
        .hasSize(USERS - 1)
        .allSatisfy(reply -> assertThat(reply.body()).contains("is locked by " + winner + "."));
    assertThat(sandbox.get().requests()).hasSize(USERS);
  }

  @Test
  void concurrentUpdatesOfDifferentCallsAllSucceed() throws Exception {
    SandboxHttp http = new SandboxHttp(sandbox.get());
    String token = http.token("analyst", "sandbox");
    List<CallRef> refs = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      refs.add(sandbox.get().model().addCall(CallStage.NEW, Map.of()));
    }

    List<Integer> statuses =
        Concurrently.run(
            USERS,
            i ->
                http.api(
                        "PUT",
                        "call/" + refs.get(i),
                        token,
                        "{\"CustomString1\":\"run-" + i + "\"}")
                    .statusCode());

    assertThat(statuses).containsOnly(200);
    for (int i = 0; i < USERS; i++) {
      assertThat(sandbox.get().model().get("analyst", refs.get(i)).field("CustomString1"))
          .hasValue("run-" + i);
    }
  }
}
