package io.asmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.inmemory.CallStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands, their output and exit codes, against the in-memory backend. */
class CommandsTest {

  private static final CallRef OPEN = CallRef.of(1000);
  private static final CallRef HELD = CallRef.of(1002);

  private final InMemoryBackend backend = new InMemoryBackend();
  private final CliRun cli = new CliRun(backend).signedIn();

  @TempDir Path dir;

  @Test
  void lockLeavesTheCallLockedAndSaysHowToUnlock() {
    CliRun.Result result = cli.run("lock", "1000");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Locked call 1000").contains("asm unlock 1000");
    assertThat(backend.model.lockHolder(OPEN)).contains(InMemoryBackend.TOKEN_USER);
    assertThat(backend.operations).containsExactly("PUT 1000/lock");
  }

  @Test
  void unlockReleasesTheCall() {
    backend.model.forceLock(OPEN, InMemoryBackend.TOKEN_USER);

    CliRun.Result result = cli.run("unlock", "1000", "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.json().get("unlocked").asBoolean()).isTrue();
    assertThat(result.json().get("callRef").asLong()).isEqualTo(1000);
    assertThat(backend.model.lockHolder(OPEN)).isEmpty();
    assertThat(backend.operations).containsExactly("PUT 1000/unlock");
  }

  @Test
  void getPrintsTheFieldsForPeopleAndForMachines() {
    CliRun.Result human = cli.run("get", "1000");
    CliRun.Result json = cli.run("get", "1000", "--json");

    assertThat(human.exitCode()).isZero();
    assertThat(human.out()).contains("Call 1000").contains("Description: Printer jammed");
    assertThat(json.json().get("ok").asBoolean()).isTrue();
    assertThat(json.json().at("/call/Description").asText()).isEqualTo("Printer jammed");
    assertThat(json.json().get("exitCode").asInt()).isZero();
    assertThat(backend.operations).containsExactly("GET 1000", "GET 1000");
  }

  @Test
  void updateSendsDescriptionStatusAndFieldsOfEveryType() {
    backend.model.forceLock(OPEN, InMemoryBackend.TOKEN_USER);

    CliRun.Result result =
        cli.run(
            "update",
            "1000",
            "--description",
            "Deployed <b>512</b>",
            "--status",
            "5",
            "--field",
            "CustomString1=release=42",
            "--field",
            "Urgency:=2",
            "--json");

    assertThat(result.exitCode()).isZero();
    var fields = backend.model.get("x", OPEN).fields();
    assertThat(fields)
        .containsEntry("Description", "Deployed <b>512</b>")
        .containsEntry("DescriptionHtml", "Deployed &lt;b&gt;512&lt;/b&gt;")
        .containsEntry("CallStatus", 5)
        .containsEntry("CustomString1", "release=42")
        .containsEntry("Urgency", 2);
    assertThat(result.json().get("updated").toString()).contains("DescriptionHtml", "Urgency");
  }

  @Test
  void updateAcceptsAStatusTitleFromTheEnvironment() {
    backend.model.forceLock(OPEN, InMemoryBackend.TOKEN_USER);
    cli.env(StatusTitles.VARIABLE, "Deployed=5, Resolved=6");

    CliRun.Result result = cli.run("update", "1000", "--status", "resolved");

    assertThat(result.exitCode()).isZero();
    assertThat(backend.model.get("x", OPEN).fields()).containsEntry("CallStatus", 6);
  }

  @Test
  void updateOfAnOpenCallNotLockedSaysToLockItFirst() {
    CliRun.Result result = cli.run("update", "1000", "--description", "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("asm: Call 1000 is Open and not locked by you")
        .contains("asm with-lock 1000");
  }

  @Test
  void updateWithoutChangesIsInvalidAndSendsNothing() {
    CliRun.Result result = cli.run("update", "1000");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Nothing to update on call 1000");
    assertThat(backend.operations).isEmpty();
  }

  @Test
  void descriptionHtmlAloneNamesTheMissingOption() {
    CliRun.Result result = cli.run("update", "1000", "--description-html", "<b>x</b>");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--description-html needs --description too");
    assertThat(backend.operations).isEmpty();
  }

  @Test
  void lockHeldBySomeoneElseExitsFiveNamingTheHolder() {
    CliRun.Result result = cli.run("lock", "1002", "--json");

    assertThat(result.exitCode()).isEqualTo(5);
    JsonNode error = result.json().get("error");
    assertThat(result.json().get("ok").asBoolean()).isFalse();
    assertThat(error.get("type").asText()).isEqualTo("call_locked");
    assertThat(error.get("callRef").asLong()).isEqualTo(1002);
    assertThat(error.get("holder").asText()).isEqualTo("jsmith");
    assertThat(result.json().get("exitCode").asInt()).isEqualTo(5);
    assertThat(result.err()).contains("asm: Call 1002 is locked by 'jsmith'");
    assertThat(backend.model.lockHolder(HELD)).contains("jsmith");
  }

  @Test
  void waitingForALockSaysSoOnceThenGivesUpNamingTheHolder() {
    CliRun.Result result = cli.run("lock", "1002", "--wait", "1s");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.err())
        .containsOnlyOnce("asm: call 1002 is locked by 'jsmith'; waiting up to 1s for it.")
        .contains("still locked by 'jsmith' after waiting 1s");
    assertThat(backend.operations).startsWith("PUT 1002/lock", "PUT 1002/lock");
  }

  @Test
  void unknownCallExitsFour() {
    CliRun.Result result = cli.run("get", "99999", "--json");

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.json().at("/error/type").asText()).isEqualTo("call_not_found");
    assertThat(result.err()).contains("99999");
  }

  @Test
  void unavailableServerExitsSixWithAHint() {
    backend.unavailable = true;

    CliRun.Result result = cli.run("lock", "1000");

    assertThat(result.exitCode()).isEqualTo(6);
    assertThat(result.err()).contains("not answering").contains("check --url or ASM_URL");
  }

  @Test
  void refusedCredentialsExitThree() {
    cli.env(Configuration.TOKEN, "wrong-token");

    CliRun.Result result = cli.run("get", "1000", "--json");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.json().at("/error/type").asText()).isEqualTo("authentication_failed");
    assertThat(result.err()).contains("check ASM_TOKEN");
  }

  @Test
  void invalidReferenceExitsTwoBeforeAnyRequest() {
    CliRun.Result result = cli.run("lock", "12a", "--json");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.json().at("/error/type").asText()).isEqualTo("invalid_input");
    assertThat(result.err()).contains("Call reference '12a' is not valid");
    assertThat(backend.operations).isEmpty();
  }

  @Test
  void invalidFieldNameExitsTwoWithTheCoreMessage() {
    CliRun.Result result = cli.run("update", "1000", "--field", "bad name=1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Field name 'bad name' is not valid");
    assertThat(backend.operations).isEmpty();
  }

  @Test
  void fieldWithoutEqualsSignSaysHowToWriteIt() {
    CliRun.Result result = cli.run("update", "1000", "--field", "Urgency");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--field 'Urgency' has no '='");
  }

  @Test
  void badWaitDurationExitsTwo() {
    CliRun.Result result = cli.run("lock", "1000", "--wait", "soon");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--wait 'soon' is not a duration");
    assertThat(backend.operations).isEmpty();
  }

  @Test
  void missingAddressNamesTheOptionAndVariable() {
    CliRun.Result result = new CliRun(backend).env("ASM_TOKEN", "t").run("get", "1000");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--url").contains("ASM_URL");
  }

  @Test
  void missingCredentialsSayHowToSignIn() {
    CliRun.Result result =
        new CliRun(backend).env("ASM_URL", "https://asm.example.org/p").run("get", "1000");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("ASM_TOKEN").contains("--password-file");
    assertThat(backend.connections).isEmpty();
  }

  @Test
  void incompletePasswordLoginNamesWhatIsMissing() {
    CliRun.Result result =
        new CliRun(backend)
            .env("ASM_URL", "https://asm.example.org/p")
            .env("ASM_USERNAME", "ci")
            .run("get", "1000");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("ASM_PASSWORD").contains("ASM_CLIENT_ID");
  }

  @Test
  void tokenAndPasswordTogetherAreRefused() {
    CliRun.Result result = cli.env("ASM_USERNAME", "ci").run("get", "1000");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("use one way to sign in");
  }

  @Test
  void secretOptionsAreRefusedWithoutEchoingTheValue() {
    CliRun.Result spaced = cli.run("lock", "1000", "--password", "hunter2-value");
    CliRun.Result joined = cli.run("lock", "1000", "--token=hunter2-value", "--json");

    assertThat(spaced.exitCode()).isEqualTo(2);
    assertThat(joined.exitCode()).isEqualTo(2);
    assertThat(spaced.err()).contains("secrets are not accepted as arguments");
    assertThat(joined.json().at("/error/type").asText()).isEqualTo("invalid_usage");
    assertThat(spaced.all() + joined.all()).doesNotContain("hunter2");
    assertThat(backend.operations).isEmpty();
  }

  @Test
  void passwordFileSignsInAndWarnsWhenOthersCanReadIt() throws IOException {
    Path file = dir.resolve("password");
    Files.writeString(file, "ci-bot-pw\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    CliRun login =
        new CliRun(backend)
            .env("ASM_URL", "https://asm.example.org/p")
            .env("ASM_USERNAME", "ci-bot")
            .env("ASM_CLIENT_ID", "client");

    CliRun.Result result = login.run("lock", "1000", "--password-file", file.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(backend.model.lockHolder(OPEN)).contains("ci-bot");
    assertThat(result.err()).contains("readable by other users").contains("chmod 600");
    assertThat(result.all()).doesNotContain("ci-bot-pw");
  }

  @Test
  void unreadablePasswordFileExitsTwoNamingIt() {
    Path missing = dir.resolve("nope");
    CliRun login =
        new CliRun(backend)
            .env("ASM_URL", "https://asm.example.org/p")
            .env("ASM_USERNAME", "ci-bot")
            .env("ASM_CLIENT_ID", "client");

    CliRun.Result result = login.run("lock", "1000", "--password-file", missing.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--password-file " + missing + " cannot be read");
  }

  @Test
  void dryRunWithoutCredentialsPlansEveryRequestAndSendsNothing() {
    CliRun dry = new CliRun(backend).env("ASM_URL", "https://asm.example.org/p");

    CliRun.Result result = dry.run("update", "1000", "--description", "x", "--dry-run", "--json");

    CliRun.Result human = dry.run("get", "1000", "--dry-run");

    assertThat(result.exitCode()).isZero();
    assertThat(human.out())
        .contains("nothing was sent (no credentials are set)")
        .contains("GET https://asm.example.org/p/alemba.api/api/v2/call/1000");
    JsonNode request = result.json().get("requests").get(0);
    assertThat(result.json().get("dryRun").asBoolean()).isTrue();
    assertThat(request.get("method").asText()).isEqualTo("PUT");
    assertThat(request.get("url").asText())
        .isEqualTo("https://asm.example.org/p/alemba.api/api/v2/call/1000");
    assertThat(request.at("/body/DescriptionHtml").asText()).isEqualTo("x");
    assertThat(backend.connections).isEmpty();
    assertThat(backend.model.get("x", OPEN).fields())
        .containsEntry("Description", "Printer jammed");
  }

  @Test
  void dryRunWithCredentialsReadsButChangesNothing() {
    CliRun.Result get = cli.run("get", "1000", "--dry-run");
    CliRun.Result lock = cli.run("lock", "1000", "--dry-run");

    assertThat(get.out()).contains("Printer jammed");
    assertThat(lock.out())
        .contains("PUT https://asm.example.org/production/alemba.api/api/v2/call/1000/lock");
    assertThat(backend.operations).containsExactly("GET 1000");
    assertThat(backend.model.lockHolder(OPEN)).isEmpty();
  }

  @Test
  void verbosePrintsOneLinePerExchangeOnStderr() {
    CliRun.Result result = cli.run("lock", "1000", "--verbose");

    assertThat(result.err()).contains("PUT /fake/call/1000/lock -> 200 (1 ms)");
    assertThat(result.out()).doesNotContain("/fake/");
  }

  @Test
  void closeLocksPerformsAndLeavesTheLockReleased() {
    CliRun.Result result = cli.run("close", "1000", "--field", "Resolution=fixed", "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(backend.model.stage(OPEN)).isEqualTo(CallStage.CLOSED);
    assertThat(backend.model.lockHolder(OPEN)).isEmpty();
    assertThat(backend.operations).containsExactly("PUT 1000/lock", "PUT 1000/close");
    assertThat(result.json().get("action").asText()).isEqualTo("close");
  }

  @Test
  void forwardOfAClosedCallIsRefusedAndLeavesNoLock() {
    CliRun.Result result = cli.run("forward", "1004");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("closed");
    assertThat(backend.model.lockedRefs()).containsExactly(HELD);
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    CliRun.Result top = cli.run("--help");
    CliRun.Result withLock = cli.run("with-lock", "--help");

    assertThat(top.exitCode()).isZero();
    assertThat(top.out())
        .contains("lock", "unlock", "get", "update", "with-lock", "forward", "defer", "close")
        .contains("sandbox", "demo", "Exit codes:", "call locked by someone else", "ASM_TOKEN");
    assertThat(withLock.out()).contains("--wait", "--field", "ASM_CALL_REF", "Exit codes:");
  }

  @Test
  void unknownCommandSuggestsTheNearestOne() {
    CliRun.Result result = cli.run("lok", "1000");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("'lok' is not an asm command; did you mean lock")
        .contains("with-lock");
  }

  @Test
  void noCommandIsInvalidUsage() {
    CliRun.Result result = cli.run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Give a command");
  }

  @Test
  void tokenNeverAppearsInAnyOutput() {
    String[][] runs = {
      {"get", "1000", "--verbose", "--debug"},
      {"lock", "1002", "--verbose", "--debug", "--json"},
      {"update", "1000", "--description", "x", "--verbose", "--debug"},
      {"get", "99999", "--debug"},
    };

    StringBuilder printed = new StringBuilder();
    for (String[] args : runs) {
      printed.append(cli.run(args).all());
    }

    assertThat(printed).contains("asm:").doesNotContain(InMemoryBackend.TOKEN);
  }
}
