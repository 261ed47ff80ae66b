package io.asmkit.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.asmkit.feign.Wire.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.PlannedOperation;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import io.asmkit.core.service.DryRunCallPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The examples of docs/library.md, run as written (with the test server's address). */
class LibraryGuideTest {

  @RegisterExtension static WireMockExtension wm = Wire.server();

  @Test
  void runsWorkWhileACallIsLockedAndUnlocksIt() {
    wm.stubFor(put(urlEqualTo(API + "call/1234/lock")).willReturn(noContent()));
    wm.stubFor(put(urlEqualTo(API + "call/1234")).willReturn(noContent()));
    wm.stubFor(put(urlEqualTo(API + "call/1234/unlock")).willReturn(noContent()));
    AsmClient client = AsmClient.builder(Wire.baseUrl(wm)).bearerToken(Wire.TOKEN).build();

    CallService calls = new CallService(client);
    CallRef ref = CallRef.parse("1234");
    calls.runLocked(
        ref,
        LockWait.upTo(Duration.ofMinutes(5)),
        call -> {
          call.update(
              CallUpdate.builder()
                  .description("Deployed build 512 to production")
                  .status(5)
                  .build());
          return null;
        });

    assertThat(wm.findAll(anyRequestedFor(anyUrl())))
        .extracting(LoggedRequest::getUrl)
        .containsExactly(API + "call/1234/lock", API + "call/1234", API + "call/1234/unlock");
    wm.verify(
        putRequestedFor(urlEqualTo(API + "call/1234"))
            .withRequestBody(
                equalToJson(
                    "{\"Description\":\"Deployed build 512 to production\","
                        + "\"DescriptionHtml\":\"Deployed build 512 to production\","
                        + "\"CallStatus\":5}")));
  }

  @Test
  void plansADryRunWithoutSendingAnything() {
    AsmClient client =
        AsmClient.builder("https://asm.example.org/production").bearerToken("token").build();
    CallRef ref = CallRef.of(1234);

    DryRunCallPort dryRun = new DryRunCallPort(null);
    new CallService(dryRun)
        .runLocked(
            ref,
            LockWait.failFast(),
            call -> {
              call.update(CallUpdate.builder().status(5).build());
              return null;
            });
    List<String> printed = new ArrayList<>();
    for (PlannedOperation operation : dryRun.planned()) {
      printed.add(AsmRequests.plan(client.baseUrl(), operation).toString());
    }

    assertThat(printed)
        .containsExactly(
            "PUT https://asm.example.org/production/alemba.api/api/v2/call/1234/lock",
            "PUT https://asm.example.org/production/alemba.api/api/v2/call/1234 {\"CallStatus\":5}",
            "PUT https://asm.example.org/production/alemba.api/api/v2/call/1234/unlock");
  }
}
