package io.asmkit.feign;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.inmemory.InMemoryAsm;
import io.asmkit.core.port.out.CallPort;
import io.asmkit.core.port.out.CallPortContract;
import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP client keeps the call port's contract against the sandbox, a stateful fake ASM server:
 * the port under test is an {@link AsmClient} logged in as the sandbox's user {@code analyst}; the
 * world's set-up and inspection go straight to the sandbox's in-memory model.
 *
 * <p>PENDING: this file sits outside {@code src/test/java} until asm-sandbox is merged; then move
 * it to {@code src/test/java/io/asmkit/feign/} and add asm-sandbox as a test dependency of this
 * module.
 */
class AsmClientContractTest extends CallPortContract {

  @RegisterExtension static AsmSandboxExtension sandbox = new AsmSandboxExtension();

  private static final String USER = "analyst";

  @Override
  protected World world() {
    AsmSandbox asm = sandbox.get();
    InMemoryAsm model = asm.model();
    AsmClient client =
        AsmClient.builder(asm.baseUrl().toString())
            .passwordLogin("sandbox-client", USER, "sandbox".toCharArray())
            .retry(RetryPolicy.none())
            .build();

    return new World() {
      @Override
      public CallPort port() {
        return client;
      }

      @Override
      public String user() {
        return USER;
      }

      @Override
      public CallRef addCall(CallStage stage, String description) {
        return model.addCall(
            stage, Map.of("Description", description, "DescriptionHtml", description));
      }

      @Override
      public void lockAs(String otherUser, CallRef ref) {
        model.forceLock(ref, otherUser);
      }

      @Override
      public Optional<String> lockHolder(CallRef ref) {
        return model.lockHolder(ref);
      }

      @Override
      public CallStage stage(CallRef ref) {
        return model.stage(ref);
      }

      @Override
      public CallRef unknownRef() {
        return CallRef.of(999_999);
      }
    };
  }
}
