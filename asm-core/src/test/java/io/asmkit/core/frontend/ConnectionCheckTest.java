package io.asmkit.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.domain.CallNotFoundException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.inmemory.InMemoryAsm;
import io.asmkit.core.port.in.GetCallUseCase;
import io.asmkit.core.service.CallService;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionCheckTest {

  @Test
  void succeedsWhenTheProbeCallCanBeRead() {
    InMemoryAsm asm = new InMemoryAsm();
    CallRef call = asm.addCall(CallStage.OPEN, Map.of("Description", "x"));

    ConnectionCheck.Result result =
        ConnectionCheck.run(new CallService(asm.portFor("deployer")), call, "prod");

    assertThat(result.ok()).isTrue();
    assertThat(result.message()).isEqualTo("Connected to 'prod': call " + call + " was read.");
  }

  @Test
  void succeedsWhenTheServerSaysTheProbeCallIsNotFound() {
    GetCallUseCase calls =
        ref -> {
          throw new CallNotFoundException(
              "Call 1 does not exist.", ref, 404, "Call 1 was not found.", null);
        };

    ConnectionCheck.Result result =
        ConnectionCheck.run(calls, ConnectionCheck.DEFAULT_PROBE, "prod");

    assertThat(result.ok()).isTrue();
    assertThat(result.message()).contains("credentials were accepted");
  }

  @Test
  void suspectsTheBaseUrlOnABare404() {
    GetCallUseCase calls =
        ref -> {
          throw new CallNotFoundException(
              "Call 1 does not exist.", ref, 404, "<html>IIS</html>", null);
        };

    ConnectionCheck.Result result =
        ConnectionCheck.run(calls, ConnectionCheck.DEFAULT_PROBE, "prod");

    assertThat(result.ok()).isFalse();
    assertThat(result.message()).contains("check the base URL");
  }

  @Test
  void failsWithTheReasonWhenTheCredentialsAreRefused() {
    GetCallUseCase calls =
        ref -> {
          throw new AuthenticationException(
              "ASM refused the user name or password.", null, 400, "invalid_grant", null);
        };

    ConnectionCheck.Result result =
        ConnectionCheck.run(calls, ConnectionCheck.DEFAULT_PROBE, "prod");

    assertThat(result.ok()).isFalse();
    assertThat(result.message())
        .isEqualTo("Could not use 'prod': ASM refused the user name or password.");
  }
}
