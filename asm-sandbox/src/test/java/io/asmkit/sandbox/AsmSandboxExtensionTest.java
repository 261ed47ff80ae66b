package io.asmkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension runs one sandbox per class and clears requests and faults before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AsmSandboxExtensionTest {

  @RegisterExtension
  static AsmSandboxExtension sandbox =
      new AsmSandboxExtension(AsmSandbox.builder().accessTokenLifetime(Duration.ofMinutes(1)));

  private static AsmSandbox seenFirst;

  @Test
  @Order(1)
  void firstTestLeavesRequestsAndAFault() {
    seenFirst = sandbox.get();
    SandboxHttp http = new SandboxHttp(seenFirst);

    http.api("GET", "call/1000", null, null);
    seenFirst.faults().failNext(3, "GET", ".*", Fault.status(500, ""));

    assertThat(seenFirst.requests()).hasSize(1);
    assertThat(seenFirst.faults().pending()).isEqualTo(3);
  }

  @Test
  @Order(2)
  void nextTestStartsWithNoRequestsNoFaultsAndTheSameSandbox() {
    assertThat(sandbox.get()).isSameAs(seenFirst);
    assertThat(sandbox.get().requests()).isEmpty();
    assertThat(sandbox.get().faults().pending()).isZero();
    assertThat(new SandboxHttp(sandbox.get()).login("analyst", "sandbox"))
        .containsEntry("expires_in", 60);
  }

  @Nested
  class InANestedClass {

    @Test
    void theOuterSandboxIsStillRunning() {
      assertThat(sandbox.get()).isSameAs(seenFirst);
      assertThat(new SandboxHttp(sandbox.get()).api("GET", "call/1000", null, null).statusCode())
          .isEqualTo(401);
    }
  }
}
