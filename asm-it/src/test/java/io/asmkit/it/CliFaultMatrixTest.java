package io.asmkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.core.domain.CallRef;
import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import io.asmkit.sandbox.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A subset of the fault matrix through the CLI's entry point ({@code asm with-lock}), to prove the
 * exit codes: each case gives the exit code, who holds the lock at the end, whether the update
 * landed, what standard error must name, and that neither output shows a secret.
 *
 * <p>The CLI uses its own defaults (4 attempts with pauses from 0.5 s; 30 s read timeout), so
 * timeouts and persistent server failures are proven through the library in {@link
 * FaultMatrixTest}; here only one persistent failure is played.
 */
class CliFaultMatrixTest {

  @RegisterExtension static AsmSandboxExtension sandbox = new AsmSandboxExtension();

  private static final Secrets SECRETS = new Secrets();

  @BeforeAll
  static void warmUp() {
    Pipelines.warmUp(sandbox.get());
  }

  private static final String SH = "/bin/sh";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitsAsDeclared(CliCase c) {
    AsmSandbox asm = sandbox.get();
    Pipelines.User user = Pipelines.newUser(asm, SECRETS);
    CallRef ref = Pipelines.newOpenCall(asm, "before");
    c.arrange.accept(new Arranged(asm, ref));

    List<String> args = new ArrayList<>(List.of("with-lock", ref.toString()));
    args.addAll(c.options);
    args.add("--");
    args.addAll(c.command);
    CliRun run = CliRun.as(asm, user, args);

    assertThat(run.exitCode()).as("exit code of %s", run).isEqualTo(c.exitCode);
    Optional<String> holder = asm.model().lockHolder(ref);
    if (c.leftLocked) {
      assertThat(holder).as("lock holder").contains(user.name());
      assertThat(run.err()).contains("Call " + ref + " may still be locked");
    } else if (c.heldByJsmith) {
      assertThat(holder).as("lock holder").contains("jsmith");
    } else {
      assertThat(holder).as("lock holder").isEmpty();
    }
    String description = asm.model().get("jsmith", ref).description().orElse("");
    assertThat(description).as("description").isEqualTo(c.updated ? "after" : "before");
    c.errMentions.forEach(
        text -> assertThat(run.err()).contains(text.replace("REF", ref.toString())));
    c.checks.forEach(check -> check.accept(asm, run));

    SECRETS.add(user.password());
    SECRETS.harvest(asm);
    assertThat(SECRETS.count()).isGreaterThanOrEqualTo(2);
    SECRETS.assertNoneIn("the CLI's output in case '" + c + "'", run.all());
    SECRETS.assertNoneIn("the adapter's log", Secrets.adapterLog());
    Findings.record(
        "cli-matrix",
        c.toString(),
        "exit " + run.exitCode(),
        holder.map(h -> "locked by " + h).orElse("unlocked"),
        run.err().strip().lines().reduce((a, b) -> b).orElse(""));
  }

  static Stream<CliCase> cases() {
    return Stream.of(
        new CliCase("no fault: command exits 0").update().exits(0),
        new CliCase("lock × held by jsmith, fail fast")
            .arrange(a -> a.sandbox.model().forceLock(a.ref, "jsmith"))
            .update()
            .exits(5)
            .jsmithKeepsIt()
            .errMentions("jsmith", "REF"),
        new CliCase("lock × held by jsmith, --wait 1s then time out")
            .arrange(a -> a.sandbox.model().forceLock(a.ref, "jsmith"))
            .options("--wait", "1s")
            .update()
            .exits(5)
            .jsmithKeepsIt()
            .errMentions("still locked by 'jsmith' after waiting"),
        new CliCase("lock × 503 once then 204")
            .fault("lock", 1, Fault.status(503, "{\"Message\":\"busy\"}"))
            .update()
            .exits(0),
        new CliCase("lock × 503 always")
            .fault("lock", 20, Fault.status(503, "{\"Message\":\"busy\"}"))
            .update()
            .exits(6)
            .notUpdated()
            .errMentions("REF"),
        new CliCase("lock × connection reset once then 204")
            .fault("lock", 1, Fault.reset())
            .update()
            .exits(0),
        new CliCase("lock × 401 once (token refused) then 204")
            .fault("lock", 1, Fault.status(401, denied()))
            .update()
            .exits(0)
            .check((asm, run) -> assertThat(refreshes(asm)).isEqualTo(1)),
        new CliCase("work × command fails with exit code 3")
            .command(SH, "-c", "exit 3")
            .update()
            .exits(3)
            .notUpdated()
            .errMentions("exit code 3", "REF was unlocked"),
        new CliCase("work × command killed by SIGTERM")
            .command(SH, "-c", "kill -TERM $$")
            .update()
            .exits(143)
            .notUpdated()
            .errMentions("signal 15"),
        new CliCase("work × command cannot be started")
            .command("/nonexistent/deploy.sh")
            .update()
            .exits(127)
            .notUpdated()
            .errMentions("REF was unlocked"),
        new CliCase("update × 401 once (token expired in the middle) then 200")
            .fault("update", 1, Fault.status(401, denied()))
            .update()
            .exits(0)
            .check((asm, run) -> assertThat(refreshes(asm)).isEqualTo(1))
            .check((asm, run) -> assertThat(asm.loginCount()).isPositive()),
        new CliCase("update × 503 once then 200")
            .fault("update", 1, Fault.status(503, "{\"Message\":\"busy\"}"))
            .update()
            .exits(0),
        new CliCase("update × 400 validation error")
            .fault(
                "update",
                1,
                Fault.status(
                    400,
                    "{\"Message\":\"The request is invalid.\","
                        + "\"ModelState\":{\"Description\":[\"Too long.\"]}}"))
            .update()
            .exits(1)
            .notUpdated()
            .errMentions("Too long"),
        new CliCase("unlock × 503 once then 204")
            .fault("unlock", 1, Fault.status(503, "{\"Message\":\"busy\"}"))
            .update()
            .exits(0),
        new CliCase("unlock × connection reset once then 204")
            .fault("unlock", 1, Fault.reset())
            .update()
            .exits(0),
        new CliCase("unlock × 403 (unlocking impossible)")
            .fault("unlock", 1, Fault.status(403, "{\"Message\":\"Access denied.\"}"))
            .update()
            .exits(1)
            .leftLocked(),
        new CliCase("work fails and unlock × 403")
            .command(SH, "-c", "exit 4")
            .fault("unlock", 1, Fault.status(403, "{\"Message\":\"Access denied.\"}"))
            .update()
            .exits(4)
            .notUpdated()
            .leftLocked());
  }

  private static long refreshes(AsmSandbox asm) {
    return asm.requests().stream()
        .filter(r -> r.path().endsWith("/oauth/login"))
        .filter(r -> r.body().contains("grant_type=refresh_token"))
        .count();
  }

  private static String denied() {
    return "{\"Message\":\"Authorization has been denied for this request.\"}";
  }

  /** The sandbox and the case's call, for arranging. */
  record Arranged(AsmSandbox sandbox, CallRef ref) {}

  /** One CLI case: options, command, faults, and the outcome expected. */
  static final class CliCase {
    final String name;
    Consumer<Arranged> arrange = a -> {};
    List<String> options = new ArrayList<>();
    List<String> command = List.of(SH, "-c", "exit 0");
    int exitCode;
    boolean updated;
    boolean leftLocked;
    boolean heldByJsmith;
    final List<String> errMentions = new ArrayList<>();
    final List<BiConsumer<AsmSandbox, CliRun>> checks = new ArrayList<>();

    CliCase(String name) {
      this.name = name;
    }

    CliCase arrange(Consumer<Arranged> step) {
      arrange = arrange.andThen(step);
      return this;
    }

    CliCase fault(String action, int count, Fault fault) {
      return arrange(
          a ->
              a.sandbox
                  .faults()
                  .failNext(
                      count,
                      "PUT",
                      "/call/" + a.ref + (action.equals("update") ? "" : "/" + action) + "$",
                      fault));
    }

    CliCase options(String... more) {
      options.addAll(List.of(more));
      return this;
    }

    CliCase command(String... words) {
      command = List.of(words);
      return this;
    }

    /** Asks for the description "after" to be set when the command succeeds. */
    CliCase update() {
      options.addAll(List.of("--description", "after"));
      updated = true;
      return this;
    }

    CliCase exits(int code) {
      exitCode = code;
      return this;
    }

    CliCase notUpdated() {
      updated = false;
      return this;
    }

    CliCase leftLocked() {
      leftLocked = true;
      return this;
    }

    CliCase jsmithKeepsIt() {
      heldByJsmith = true;
      updated = false;
      return this;
    }

    CliCase errMentions(String... texts) {
      errMentions.addAll(List.of(texts));
      return this;
    }

    CliCase check(BiConsumer<AsmSandbox, CliRun> check) {
      checks.add(check);
      return this;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
