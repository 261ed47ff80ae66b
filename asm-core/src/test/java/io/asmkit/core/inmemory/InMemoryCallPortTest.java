package io.asmkit.core.inmemory;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.port.out.CallPort;
import io.asmkit.core.port.out.CallPortContract;
import java.util.Map;
import java.util.Optional;

/** The in-memory model keeps the call port's contract. */
class InMemoryCallPortTest extends CallPortContract {

  @Override
  protected World world() {
    InMemoryAsm asm = new InMemoryAsm();
    return new World() {
      @Override
      public CallPort port() {
        return asm.portFor("deployer");
      }

      @Override
      public String user() {
        return "deployer";
      }

      @Override
      public CallRef addCall(CallStage stage, String description) {
        return asm.addCall(
            stage, Map.of("Description", description, "DescriptionHtml", description));
      }

      @Override
      public void lockAs(String otherUser, CallRef ref) {
        asm.forceLock(ref, otherUser);
      }

      @Override
      public Optional<String> lockHolder(CallRef ref) {
        return asm.lockHolder(ref);
      }

      @Override
      public CallStage stage(CallRef ref) {
        return asm.stage(ref);
      }

      @Override
      public CallRef unknownRef() {
        return CallRef.of(999_999);
      }
    };
  }
}
