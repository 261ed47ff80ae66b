package io.asmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import io.asmkit.sandbox.Fault;
import io.asmkit.sandbox.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's entry point with the real HTTP client against the sandbox: every command, every exit
 * code, the JSON output parsed, and no secret in any output.
 */
class EndToEndTest {

  private static final String CLIENT_ID = "sandbox-client";
  private static final String USER = "ci-bot";
  private static final String PASSWORD = "Pw-" + UUID.randomUUID();
  private static final CallRef OPEN = CallRef.of(1000);
  private static final CallRef SECOND = CallRef.of(1001);
  private static final CallRef HELD = CallRef.of(1002);

  @RegisterExtension final AsmSandboxExtension sandbox = new AsmSandboxExtension();

  @TempDir Path dir;

  private final StringBuilder everything = new StringBuilder();
  private final Map<String, String> env = new HashMap<>();
  private final List<String> secrets = new java.util.ArrayList<>(List.of(PASSWORD));

  @AfterEach
  void noSecretAppearedInAnyOutput() {
    for (String secret : secrets) {
      assertThat(everything.toString()).doesNotContain(secret);
    }
  }

  private AsmSandbox asm() {
    return sandbox.get();
  }

  private void passwordLogin() {
    asm().addUser(USER, PASSWORD, CLIENT_ID);
    env.put("ASM_URL", asm().baseUrl().toString());
    env.put("ASM_USERNAME", USER);
    env.put("ASM_PASSWORD", PASSWORD);
    env.put("ASM_CLIENT_ID", CLIENT_ID);
  }

  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + out, e);
      }
    }
  }

  private Result asm(String... args) {
    return asm(() -> {}, new ByteArrayOutputStream(), args);
  }

  private Result asm(CliContext.Waiter untilStopped, ByteArrayOutputStream out, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext context =
        new CliContext(
            Map.copyOf(env),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new HttpBackend(),
            false,
            untilStopped,
            Duration.ofSeconds(20));

    int exitCode = AsmCli.run(args, context);

    Result result =
        new Result(
            exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    everything.append(result.out()).append(result.err());
    return result;
  }

  @Test
  void lockUpdateUnlockWithAPasswordLogin() {
    passwordLogin();

    Result lock = asm("lock", "1000", "--json");
    Result update =
        asm("update", "1000", "--description", "Deployed 512", "--field", "Urgency:=1", "--json");
    Result get = asm("get", "1000", "--json");
    Result unlock = asm("unlock", "1000", "--json");

    assertThat(List.of(lock, update, get, unlock)).allMatch(result -> result.exitCode() == 0);
    assertThat(lock.json().get("locked").asBoolean()).isTrue();
    assertThat(update.json().get("updated").toString()).contains("Description", "Urgency");
    assertThat(get.json().at("/call/Description").asText()).isEqualTo("Deployed 512");
    assertThat(get.json().at("/call/Urgency").asInt()).isEqualTo(1);
    assertThat(unlock.json().get("unlocked").asBoolean()).isTrue();
    assertThat(asm().model().lockHolder(OPEN)).isEmpty();
    assertThat(asm().requests())
        .extracting(request -> request.method() + " " + request.path())
        .contains(
            "PUT /sandbox/alemba.api/api/v2/call/1000/lock",
            "PUT /sandbox/alemba.api/api/v2/call/1000",
            "GET /sandbox/alemba.api/api/v2/call/1000",
            "PUT /sandbox/alemba.api/api/v2/call/1000/unlock");
  }

  @Test
  void bearerTokenWorksAndNeitherTokenAppearsInOutput() throws Exception {
    asm().addUser(USER, PASSWORD, CLIENT_ID);
    JsonNode tokens = login();
    secrets.add(tokens.get("access_token").asText());
    secrets.add(tokens.get("refresh_token").asText());
    env.put("ASM_URL", asm().baseUrl().toString());
    env.put("ASM_TOKEN", tokens.get("access_token").asText());

    Result get = asm("get", "1001", "--verbose", "--debug");
    Result locked = asm("lock", "1002", "--verbose", "--debug", "--json");

    assertThat(get.exitCode()).isZero();
    assertThat(get.err()).contains("GET /sandbox/alemba.api/api/v2/call/1001 -> 200 (");
    assertThat(locked.exitCode()).isEqualTo(5);
    RecordedRequest sent = asm().requests().get(asm().requests().size() - 1);
    assertThat(sent.header("Authorization")).isPresent();
    assertThat(sent.toString()).doesNotContain(tokens.get("access_token").asText());
  }

  @Test
  void withLockRunsTheCommandThenUpdatesAndUnlocks() throws IOException {
    passwordLogin();
    Path seen = dir.resolve("seen");

    Result result =
        asm(
            "with-lock",
            "1001",
            "--status",
            "5",
            "--json",
            "--",
            "sh",
            "-c",
            "echo $ASM_CALL_REF > " + seen);

    assertThat(result.exitCode()).isZero();
    assertThat(result.json().get("commandExitCode").asInt()).isZero();
    assertThat(Files.readString(seen).strip()).isEqualTo("1001");
    assertThat(asm().model().get(USER, SECOND).fields()).containsEntry("CallStatus", 5);
    assertThat(asm().model().lockHolder(SECOND)).isEmpty();
  }

  @Test
  void withLockUnlocksAfterTheCommandFailsOrIsKilled() {
    passwordLogin();

    Result failed = asm("with-lock", "1001", "--status", "5", "--", "sh", "-c", "exit 4");
    Result killed = asm("with-lock", "1001", "--json", "--", "sh", "-c", "kill -9 $$");

    assertThat(failed.exitCode()).isEqualTo(4);
    assertThat(killed.exitCode()).isEqualTo(137);
    assertThat(killed.json().at("/error/type").asText()).isEqualTo("command_failed");
    assertThat(asm().model().lockHolder(SECOND)).isEmpty();
    assertThat(asm().model().get(USER, SECOND).fields()).containsEntry("CallStatus", 3);
  }

  @Test
  void forwardDeferAndCloseReleaseTheLock() {
    passwordLogin();
    CallRef third = asm().model().addCall(CallStage.OPEN, Map.of("CallStatus", 1));

    Result forward = asm("forward", "1000", "--json");
    Result defer = asm("defer", "1001");
    Result close = asm("close", third.toString(), "--field", "CallStatus:=6");

    assertThat(forward.exitCode()).isZero();
    assertThat(defer.exitCode()).isZero();
    assertThat(close.exitCode()).isZero();
    assertThat(forward.json().get("action").asText()).isEqualTo("forward");
    assertThat(asm().model().stage(third)).isEqualTo(CallStage.CLOSED);
    assertThat(asm().model().lockedRefs()).containsExactly(HELD);
  }

  @Test
  void everyExitCode() throws IOException {
    passwordLogin();

    Result invalid = asm("lock", "abc", "--json");
    Result notAllowed = asm("update", "1000", "--description", "x", "--json");
    Result notFound = asm("get", "4242", "--json");
    Result locked = asm("lock", "1002", "--json");
    asm().faults().failNext(10, "PUT", ".*/call/1000/lock", Fault.status(503, "{}"));
    Result unavailable = asm("lock", "1000", "--json");
    env.put("ASM_PASSWORD", "wrong-" + PASSWORD);
    Result refused = asm("get", "1000", "--json");

    assertThat(invalid.json().get("exitCode").asInt()).isEqualTo(2);
    assertThat(notAllowed.json().get("exitCode").asInt()).isEqualTo(1);
    assertThat(notAllowed.json().at("/error/type").asText()).isEqualTo("action_not_allowed");
    assertThat(notFound.json().get("exitCode").asInt()).isEqualTo(4);
    assertThat(locked.json().at("/error/holder").asText()).isEqualTo("jsmith");
    assertThat(unavailable.json().get("exitCode").asInt()).isEqualTo(6);
    assertThat(refused.json().get("exitCode").asInt()).isEqualTo(3);
    assertThat(List.of(invalid, notAllowed, notFound, locked, unavailable, refused))
        .extracting(Result::exitCode)
        .containsExactly(2, 1, 4, 5, 6, 3);
    assertThat(locked.err()).contains("asm: Call 1002 is locked by 'jsmith'");
  }

  @Test
  void connectionRefusedExitsSix() throws IOException {
    passwordLogin();
    int unusedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      unusedPort = socket.getLocalPort();
    }

    Result result = asm("get", "1000", "--url", "http://127.0.0.1:" + unusedPort + "/sandbox");

    assertThat(result.exitCode()).isEqualTo(6);
    assertThat(result.err()).contains("asm:").contains("check --url or ASM_URL");
  }

  @Test
  void aWebPageInsteadOfAsmIsReportedWithAHintAboutTheAddress() {
    passwordLogin();
    asm()
        .faults()
        .failNext(
            1,
            "GET",
            ".*/call/1000",
            Fault.status(200, "<html><body>Please sign in to the proxy</body></html>"));

    Result result = asm("get", "1000", "--json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.json().at("/error/type").asText()).isEqualTo("unexpected_reply");
    assertThat(result.err()).contains("asm: ", "base URL leads to ASM itself");
  }

  @Test
  void badUrlIsInvalidInput() {
    passwordLogin();

    Result result = asm("get", "1000", "--url", "ftp://asm.example.org/x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(asm().requests()).isEmpty();
  }

  @Test
  void dryRunPrintsTheAdapterRequestsAndChangesNothing() {
    env.put("ASM_URL", asm().baseUrl().toString());

    Result result =
        asm("with-lock", "1001", "--status", "5", "--dry-run", "--json", "--", "make", "deploy");

    assertThat(result.exitCode()).isZero();
    assertThat(result.json().get("requests"))
        .extracting(request -> request.get("method").asText() + " " + request.get("url").asText())
        .containsExactly(
            "PUT " + asm().baseUrl() + "/alemba.api/api/v2/call/1001/lock",
            "PUT " + asm().baseUrl() + "/alemba.api/api/v2/call/1001",
            "PUT " + asm().baseUrl() + "/alemba.api/api/v2/call/1001/unlock");
    assertThat(result.json().get("requests").get(1).at("/body/CallStatus").asInt()).isEqualTo(5);
    assertThat(asm().requests()).isEmpty();
  }

  @Test
  void sandboxCommandServesTheSampleCallsUntilStopped() {
    ByteArrayOutputStream sandboxOut = new ByteArrayOutputStream();
    Result[] whileServing = new Result[1];
    CliContext.Waiter useIt =
        () -> {
          String printed = sandboxOut.toString(StandardCharsets.UTF_8);
          String url = printed.replaceAll("(?s).*export ASM_URL=(\\S+).*", "$1");
          env.put("ASM_URL", url);
          env.put("ASM_USERNAME", "analyst");
          env.put("ASM_PASSWORD", "sandbox");
          env.put("ASM_CLIENT_ID", CLIENT_ID);
          whileServing[0] = asm("get", "1002", "--json");
        };

    Result sandbox = asm(useIt, sandboxOut, "sandbox", "--port", "0");

    assertThat(sandbox.exitCode()).isZero();
    assertThat(sandbox.out()).contains("ASM sandbox running at http://127.0.0.1:", "Ctrl-C");
    assertThat(whileServing[0].exitCode()).isZero();
    assertThat(whileServing[0].json().at("/call/Description").asText()).contains("jsmith");
  }

  @Test
  void demoRunsAgainstItsOwnSandboxAndExitsZero() {
    Result result = asm("demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("POST /sandbox/alemba.web/oauth/login -> 200")
        .contains("PUT /sandbox/alemba.api/api/v2/call/1000/lock -> 204")
        .contains("Refused, as expected: ")
        .contains("Calls still locked in the sandbox: 1002 (by jsmith)");
  }

  private JsonNode login() throws Exception {
    String form =
        "grant_type=password&client_id="
            + CLIENT_ID
            + "&username="
            + USER
            + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
            + "&scope="
            + URLEncoder.encode("session-type:Analyst", StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(asm().baseUrl() + "/alemba.web/oauth/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> reply =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(reply.body());
  }
}
