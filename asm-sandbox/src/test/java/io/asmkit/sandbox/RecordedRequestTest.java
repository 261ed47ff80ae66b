package io.asmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the request record keeps, and what its text hides. */
class RecordedRequestTest {

  @RegisterExtension static AsmSandboxExtension sandbox = new AsmSandboxExtension();

  @Test
  void toStringHidesPasswordsTokensAndSecretsButShowsTheRest() {
    SandboxHttp http = new SandboxHttp(sandbox.get());
    Map<String, String> login = SandboxHttp.passwordForm("analyst", "sandbox", "sandbox-client");
    login.put("client_secret", "Client-Secret-77");
    Map<String, Object> tokens = http.login("analyst", "sandbox");
    String access = (String) tokens.get("access_token");
    String refresh = (String) tokens.get("refresh_token");

    http.postForm(login);
    http.postForm(SandboxHttp.refreshForm(refresh, "sandbox-client"));
    http.api("PUT", "call/1002", access, "{\"password\":\"Json-Secret-55\",\"Urgency\":1}");
    http.send(
        HttpRequest.newBuilder(URI.create(sandbox.get().baseUrl() + "/x?access_token=" + access))
            .build());

    List<RecordedRequest> requests = sandbox.get().requests();
    String text = requests.toString();
    assertThat(text)
        .doesNotContain("sandbox&", "Client-Secret-77", "Json-Secret-55", access, refresh)
        .contains(
            "POST /sandbox/alemba.web/oauth/login -> 200",
            "username=analyst",
            "password=[redacted]",
            "client_secret=[redacted]",
            "refresh_token=[redacted]",
            "Authorization: Bearer [redacted]",
            "\"password\":\"[redacted]\"",
            "\"Urgency\":1",
            "access_token=[redacted]",
            "PUT /sandbox/alemba.api/api/v2/call/1002 -> 409");
    assertThat(requests.get(1).body()).contains("client_secret=Client-Secret-77");
    assertThat(requests.get(3).header("Authorization")).hasValue("Bearer " + access);
  }

  @Test
  void headersAreFoundInAnyCaseAndMissingOnesAreEmpty() {
    SandboxHttp http = new SandboxHttp(sandbox.get());

    http.send(
        HttpRequest.newBuilder(http.api("call/1000")).header("X-Trace-Id", "abc-123").build());

    RecordedRequest request = sandbox.get().requests().get(0);
    assertThat(request.header("x-trace-id")).hasValue("abc-123");
    assertThat(request.header("X-TRACE-ID")).hasValue("abc-123");
    assertThat(request.header("Authorization")).isEmpty();
    assertThat(request.query()).isEmpty();
    assertThat(request.body()).isEmpty();
    assertThat(request.status()).isEqualTo(401);
  }

  @Test
  void logKeepsOnlyTheLatestRequests() {
    RequestLog log = new RequestLog(3);

    for (int i = 0; i < 5; i++) {
      log.add(new RecordedRequest("GET", "/r" + i, null, Map.of(), "", 200));
    }

    assertThat(log.snapshot())
        .extracting(RecordedRequest::path)
        .containsExactly("/r2", "/r3", "/r4");
  }
}
