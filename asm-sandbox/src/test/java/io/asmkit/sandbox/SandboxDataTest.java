package io.asmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.inmemory.InMemoryAsm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample data, and data files given with {@code data(Path)} / {@code --data FILE}. */
class SandboxDataTest {

  @TempDir Path dir;

  private Path file(String name, String json) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private static Path resource(String name) {
    try {
      return Path.of(SandboxDataTest.class.getResource("/data/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void sampleDataHasTwoUsersDefaultTitlesAndFiveCalls() {
    try (AsmSandbox sandbox = AsmSandbox.builder().start()) {
      InMemoryAsm model = sandbox.model();
      SandboxHttp http = new SandboxHttp(sandbox);

      assertThat(model.statusTitles()).isEqualTo(InMemoryAsm.defaultStatusTitles());
      assertThat(model.refs())
          .extracting(CallRef::value)
          .containsExactly(1000L, 1001L, 1002L, 1003L, 1004L);
      assertThat(model.refs())
          .extracting(model::stage)
          .containsExactly(
              CallStage.OPEN, CallStage.OPEN, CallStage.OPEN, CallStage.NEW, CallStage.CLOSED);
      assertThat(model.lockedRefs()).containsExactly(CallRef.of(1002));
      assertThat(model.lockHolder(CallRef.of(1002))).hasValue("jsmith");
      assertThat(model.refs())
          .allSatisfy(
              ref ->
                  assertThat(model.get("analyst", ref).fields())
                      .containsKeys("Description", "DescriptionHtml", "CallStatus"));
      assertThat(http.login("analyst", "sandbox")).containsKey("access_token");
      assertThat(http.login("jsmith", "jsmith")).containsKey("access_token");
    }
  }

  @Test
  void dataFileReplacesTheSampleData() {
    try (AsmSandbox sandbox = AsmSandbox.builder().data(resource("valid.json")).start()) {
      InMemoryAsm model = sandbox.model();

      assertThat(model.statusTitles()).containsOnlyKeys(10, 20, 30).containsEntry(20, "Working");
      assertThat(model.refs()).extracting(CallRef::value).containsExactly(5000L, 5001L, 5002L);
      assertThat(model.stage(CallRef.of(5000))).isEqualTo(CallStage.NEW);
      assertThat(model.stage(CallRef.of(5001))).isEqualTo(CallStage.OPEN);
      assertThat(model.lockHolder(CallRef.of(5001))).hasValue("someone-else");
      assertThat(model.stage(CallRef.of(5002))).isEqualTo(CallStage.CLOSED);
      assertThat(model.get("x", CallRef.of(5002)).field("Resolution")).hasValue("Done");
      SandboxHttp http = new SandboxHttp(sandbox);
      assertThat(http.login("deployer", "deployer-pass", "deploy-client"))
          .containsKey("access_token");
      assertThat(
              http.postForm(SandboxHttp.passwordForm("analyst", "sandbox", "sandbox-client"))
                  .statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void sampleDataAndADataFileLoadTogetherWhenAskedTo() throws IOException {
    Path data =
        file(
            "more.json",
            "{\"statusTitles\":{\"7\":\"Parked\"},\"calls\":[{\"fields\":{\"CallStatus\":7}}]}");

    try (AsmSandbox sandbox = AsmSandbox.builder().sampleData(true).data(data).start()) {
      InMemoryAsm model = sandbox.model();

      assertThat(model.statusTitles()).containsEntry(1, "Logged").containsEntry(7, "Parked");
      assertThat(model.refs()).hasSize(6);
      assertThat(model.stage(CallRef.of(1005))).isEqualTo(CallStage.OPEN);
      assertThat(model.get("x", CallRef.of(1005)).status()).hasValue(7);
    }
  }

  @Test
  void noSampleDataMeansAnEmptySystem() {
    try (AsmSandbox sandbox = AsmSandbox.builder().sampleData(false).start()) {
      assertThat(sandbox.model().refs()).isEmpty();
      assertThat(sandbox.model().statusTitles()).isEqualTo(InMemoryAsm.defaultStatusTitles());
    }
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nowhere.json");

    assertThatThrownBy(() -> AsmSandbox.builder().data(missing).start())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void directoryIsNamedAsUnreadable() {
    assertThatThrownBy(() -> AsmSandbox.builder().data(dir).start())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("cannot be read");
  }

  @Test
  void badJsonIsNamedWithItsPlaceButWithoutQuotingTheFile() throws IOException {
    Path data =
        file(
            "broken.json",
            "{\"users\":[{\"username\":\"a\",\"password\":TopSecret99,\"clientId\":\"c\"}]}");

    assertThatThrownBy(() -> AsmSandbox.builder().data(data).start())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(data.toString())
        .hasMessageContaining("is not valid JSON near line 1, column")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TopSecret99"));
  }

  @Test
  void badFieldNameIsNamedWithTheCall() throws IOException {
    Path data = file("field.json", "{\"calls\":[{\"fields\":{}},{\"fields\":{\"bad name\":1}}]}");

    assertThatThrownBy(() -> AsmSandbox.builder().data(data).start())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Sandbox data file " + data + ", calls[1].fields:")
        .hasMessageContaining("bad name");
  }

  @Test
  void descriptionWithoutHtmlIsRefusedByTheModelsRules() throws IOException {
    Path data = file("pair.json", "{\"calls\":[{\"fields\":{\"Description\":\"x\"}}]}");

    assertThatThrownBy(() -> AsmSandbox.builder().data(data).start())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(data.toString())
        .hasMessageContaining(
            "calls[0].fields: Description must be sent together with" + " DescriptionHtml.");
  }

  @Test
  void unknownStatusIsRefused() throws IOException {
    Path data = file("status.json", "{\"calls\":[{\"fields\":{\"CallStatus\":42}}]}");

    assertThatThrownBy(() -> AsmSandbox.builder().data(data).start())
        .hasMessageContaining("calls[0].fields: CallStatus 42 is not a status of this system.");
  }

  @Test
  void structuralMistakesAreNamedByTheirPlace() throws IOException {
    assertRefused("[]", "does not hold a JSON object");
    assertRefused("{\"cals\":[]}", "cals: is not a known key: use calls, firstRef");
    assertRefused("{\"calls\":{}}", "calls: must be a JSON array");
    assertRefused(
        "{\"calls\":[{\"stage\":\"DONE\",\"fields\":{}}]}",
        "calls[0].stage: 'DONE' is not a stage: use NEW, OPEN or CLOSED.");
    assertRefused("{\"calls\":[{\"stage\":\"OPEN\"}]}", "calls[0].fields: is missing");
    assertRefused(
        "{\"calls\":[{\"stage\":\"CLOSED\",\"lockedBy\":\"x\",\"fields\":{}}]}",
        "calls[0].lockedBy: a CLOSED call cannot be locked");
    assertRefused(
        "{\"users\":[{\"username\":\"a\",\"clientId\":\"c\"}]}",
        "users[0].password: give the password as a non-empty text.");
    assertRefused(
        "{\"users\":[{\"username\":\"a\",\"password\":\"p\",\"clientId\":\"c\"},"
            + "{\"username\":\"a\",\"password\":\"q\",\"clientId\":\"c\"}]}",
        "users[1].username: user 'a' is given twice");
    assertRefused("{\"statusTitles\":{\"one\":\"Logged\"}}", "statusTitles.one: a status key");
    assertRefused("{\"firstRef\":0}", "firstRef: give the number of the first call");
    assertRefused("{\"richTextFields\":[\"lower\"]}", "richTextFields[0]: Field name 'lower'");
  }

  private void assertRefused(String json, String expected) throws IOException {
    Path data = file("case.json", json);

    assertThatThrownBy(() -> AsmSandbox.builder().data(data).start())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Sandbox data file " + data)
        .hasMessageContaining(expected);
  }

  @Test
  void declaredRichTextFieldsNeedTheirHtmlOverHttp() {
    try (AsmSandbox sandbox = AsmSandbox.builder().data(resource("valid.json")).start()) {
      SandboxHttp http = new SandboxHttp(sandbox);
      String token =
          (String) http.login("deployer", "deployer-pass", "deploy-client").get("access_token");

      java.net.http.HttpResponse<String> reply =
          http.api("PUT", "call/5000", token, "{\"Resolution\":\"plain\"}");

      assertThat(reply.statusCode()).isEqualTo(400);
      assertThat(reply.body()).contains("Resolution must be sent together with ResolutionHtml");
    }
  }
}
