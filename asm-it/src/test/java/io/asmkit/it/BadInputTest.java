package io.asmkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import io.asmkit.feign.AsmBaseUrl;
import io.asmkit.feign.AsmClient;
import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import io.asmkit.sandbox.Fault;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, on our side and from the server. Input we can judge ourselves (call references,
 * addresses, field names and values, client settings) is refused before anything is sent, which the
 * sandbox's empty request record proves; replies that are empty, truncated, HTML or huge give a
 * clear, short error naming the call. Every message is one line, names what was wrong, and shows no
 * secret. The CLI's usage errors are in {@link CliBadInputTest}.
 */
class BadInputTest {

  @RegisterExtension static AsmSandboxExtension sandbox = new AsmSandboxExtension();

  private static final Secrets SECRETS = new Secrets();

  @BeforeAll
  static void warmUp() {
    Pipelines.warmUp(sandbox.get());
  }

  static {
    SECRETS.add(BadInputTest.URL_PASSWORD);
  }

  /** A password that would be a secret if it leaked from an address with user info. */
  private static final String URL_PASSWORD = "Url-Pa55word-9c1e";

  /** The longest message a person should have to read for one failure. */
  private static final int LONGEST_MESSAGE = 600;

  /** Where a bad input is caught. */
  enum Side {
    /** Refused by the toolkit: nothing may be sent. */
    OURS,
    /** Sent, and the server's reply is what is wrong. */
    SERVER
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ourSide")
  void refusesOurSideInputBeforeSendingAnything(BadInput input) {
    AsmSandbox asm = sandbox.get();
    Fixture fixture = new Fixture(asm);
    asm.clearRequests();

    String message = input.attempt.apply(fixture);

    assertThat(asm.requests()).as("requests sent for bad input").isEmpty();
    assertClear(input, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serverSide")
  void explainsABadReplyBriefly(BadInput input) {
    AsmSandbox asm = sandbox.get();
    Fixture fixture = new Fixture(asm);
    fixture.service.get(fixture.ref); // logs in, so that only the case's own requests follow
    asm.clearRequests();

    String message = input.attempt.apply(fixture);

    assertThat(asm.requests()).as("requests sent").isNotEmpty().hasSizeLessThanOrEqualTo(4);
    assertClear(input, message);
    if (input.namesCall) {
      assertThat(message).as("names the call").contains(fixture.ref.toString());
    }
    SECRETS.harvest(asm);
  }

  private static void assertClear(BadInput input, String message) {
    assertThat(message).as("the error message").isNotBlank();
    assertThat(message).as("one line").doesNotContain("\n").doesNotContain("\r");
    assertThat(message.length()).as("length of: " + message).isLessThanOrEqualTo(LONGEST_MESSAGE);
    input.mentions.forEach(text -> assertThat(message).containsIgnoringCase(text));
    SECRETS.assertNoneIn("the error for '" + input + "'", message);
    Findings.record("bad-input", input.toString(), message);
  }

  static Stream<BadInput> ourSide() {
    List<BadInput> cases = new ArrayList<>();

    // call references
    for (String text :
        List.of("", "   ", "12a", "-5", "0", "1 2", "#1234", "99999999999999999999")) {
      cases.add(
          new BadInput("call reference '" + text + "'", f -> refused(() -> CallRef.parse(text)))
              .mentions(text.isBlank() ? "empty" : text.strip(), "1234"));
    }

    // addresses
    cases.add(urlCase("ftp://127.0.0.1/sandbox", "ftp"));
    cases.add(urlCase("http://ci:" + URL_PASSWORD + "@127.0.0.1/sandbox", "user"));
    cases.add(urlCase("http://127.0.0.1/sandbox?system=prod", "query"));
    cases.add(urlCase("http://127.0.0.1/sandbox#calls", "fragment"));
    cases.add(urlCase("", "empty"));
    cases.add(urlCase("http://127.0.0.1/my sandbox", "my sandbox"));
    cases.add(urlCase("127.0.0.1/sandbox", "http"));

    // field names and values
    cases.add(
        update("field name 'description' (not PascalCase)", b -> b.field("description", "x"))
            .mentions("description", "PascalCase"));
    cases.add(
        update("field name 'Custom-String1'", b -> b.field("Custom-String1", "x"))
            .mentions("Custom-String1"));
    cases.add(update("empty field name", b -> b.field("", "x")).mentions("empty"));
    cases.add(
        update("DescriptionHtml without Description", b -> b.descriptionHtml("<b>x</b>"))
            .mentions("DescriptionHtml", "Description"));
    cases.add(update("status 0", b -> b.status(0)).mentions("0", "status"));
    cases.add(
        update("CallStatus 'Deployed' as text", b -> b.field("CallStatus", "Deployed"))
            .mentions("CallStatus", "Deployed"));
    cases.add(update("field value null", b -> b.field("Impact", null)).mentions("Impact"));
    cases.add(
        update("field value of another type", b -> b.field("Impact", List.of(1)))
            .mentions("Impact"));
    cases.add(update("empty update", b -> b).mentions("empty"));
    cases.add(
        update("field set twice", b -> b.field("Urgency", 2).field("Urgency", 3))
            .mentions("Urgency", "twice"));
    cases.add(
        update("Description as a number", b -> b.field("Description", new BigDecimal("1.5")))
            .mentions("Description"));

    // client settings
    cases.add(
        new BadInput(
                "bearer token with a line break",
                f ->
                    refused(
                        () ->
                            AsmClient.builder(f.sandbox.baseUrl().toString())
                                .bearerToken("abc.def\n")
                                .build()))
            .mentions("token"));
    cases.add(
        new BadInput(
                "lock wait with a negative timeout",
                f -> refused(() -> LockWait.upTo(java.time.Duration.ofSeconds(-1))))
            .mentions("negative"));

    return cases.stream();
  }

  static Stream<BadInput> serverSide() {
    return Stream.of(
        reply("GET call × 200 with an empty body", Fault.status(200, "")),
        reply("GET call × 200 with truncated JSON", Fault.status(200, "{\"Ref\":1000,\"Descr")),
        reply("GET call × 200 with an HTML page (a proxy's login page)", Fault.htmlPage(200)),
        reply("GET call × 200 with 5 MB of HTML", Fault.status(200, hugeHtml())),
        reply("GET call × 500 with 5 MB of JSON", Fault.status(500, hugeJson())),
        reply("GET call × 200 with a JSON array", Fault.status(200, "[1,2,3]")),
        new BadInput(
                "login × 200 with an HTML page",
                f -> {
                  f.sandbox.faults().failNext(1, "POST", "/oauth/login$", Fault.htmlPage(200));
                  return refusedWith(
                          AsmException.class,
                          () -> Pipelines.client(f.sandbox, f.user, SECRETS).lock(f.ref))
                      .getMessage();
                })
            .mentions("log")
            .callNotNamed(),
        new BadInput(
                "login × 200 with an empty body",
                f -> {
                  f.sandbox.faults().failNext(1, "POST", "/oauth/login$", Fault.status(200, ""));
                  return refusedWith(
                          AsmException.class,
                          () -> Pipelines.client(f.sandbox, f.user, SECRETS).lock(f.ref))
                      .getMessage();
                })
            .mentions("log")
            .callNotNamed());
  }

  // --- the vocabulary of the tables

  private static BadInput urlCase(String url, String mention) {
    return new BadInput("address '" + url + "'", f -> refused(() -> AsmBaseUrl.parse(url)))
        .mentions(mention);
  }

  private static BadInput update(String name, Function<CallUpdate.Builder, CallUpdate.Builder> b) {
    return new BadInput(
        name,
        f ->
            refused(
                () -> {
                  CallUpdate update = b.apply(CallUpdate.builder()).build();
                  f.service.runLocked(
                      f.ref,
                      LockWait.failFast(),
                      call -> {
                        call.update(update);
                        return null;
                      });
                }));
  }

  private static BadInput reply(String name, Fault fault) {
    return new BadInput(
        name,
        f -> {
          f.sandbox.faults().failNext(2, "GET", "/call/" + f.ref + "$", fault);
          AsmException failure =
              (AsmException) refusedWith(AsmException.class, () -> f.service.get(f.ref));
          if (failure.httpStatus().orElse(0) < 500) {
            assertThat(failure.isRetryable()).as("retryable: " + failure).isFalse();
          }
          failure.serverMessage().ifPresent(m -> assertThat(m.length()).isLessThanOrEqualTo(300));
          return failure.getMessage();
        });
  }

  private static String refused(Runnable attempt) {
    return refusedWith(InvalidInputException.class, attempt).getMessage();
  }

  private static Throwable refusedWith(Class<? extends Throwable> type, Runnable attempt) {
    Throwable thrown = catchThrowable(attempt::run);
    assertThat(thrown).isInstanceOf(type);
    return thrown;
  }

  private static String hugeHtml() {
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>");
    while (page.length() < 5 * 1024 * 1024) {
      page.append("<p>Please sign in to continue to the company portal.</p>\n");
    }
    return page.append("</body></html>").toString();
  }

  private static String hugeJson() {
    StringBuilder json = new StringBuilder("{\"Message\":\"");
    while (json.length() < 5 * 1024 * 1024) {
      json.append("Stack frame at System.Web.Http.ApiController.ExecuteAsync. ");
    }
    return json.append("\"}").toString();
  }

  /** One bad input: how to attempt it (returning the error message) and what the message names. */
  static final class BadInput {
    final String name;
    final Function<Fixture, String> attempt;
    final List<String> mentions = new ArrayList<>();
    boolean namesCall = true;

    BadInput(String name, Function<Fixture, String> attempt) {
      this.name = name;
      this.attempt = attempt;
    }

    BadInput mentions(String... texts) {
      mentions.addAll(List.of(texts));
      return this;
    }

    /** The failure concerns the login, not one call. */
    BadInput callNotNamed() {
      namesCall = false;
      return this;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A user, a call and a service over a client, for one case. */
  static final class Fixture {
    final AsmSandbox sandbox;
    final Pipelines.User user;
    final CallRef ref;
    final CallService service;

    Fixture(AsmSandbox sandbox) {
      this.sandbox = sandbox;
      this.user = Pipelines.newUser(sandbox, SECRETS);
      this.ref = Pipelines.newOpenCall(sandbox, "before");
      this.service = new CallService(Pipelines.client(sandbox, user, SECRETS));
    }
  }
}
