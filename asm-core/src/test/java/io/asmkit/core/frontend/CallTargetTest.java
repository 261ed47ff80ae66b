package io.asmkit.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class CallTargetTest {

  private static final CallTarget LOCKED_ON_PROD = new CallTarget("prod", CallRef.of(1000));

  @Test
  void usesWhatTheStepNamesOutsideALock() {
    assertThat(CallTarget.resolve("test", "1234", null))
        .isEqualTo(new CallTarget("test", CallRef.of(1234)));
    assertThat(CallTarget.resolve(null, 1234, null))
        .isEqualTo(new CallTarget(null, CallRef.of(1234)));
  }

  @Test
  void inheritsTheLockedCallAndSiteInsideALock() {
    assertThat(CallTarget.resolve(null, null, LOCKED_ON_PROD)).isEqualTo(LOCKED_ON_PROD);
    assertThat(CallTarget.resolve(" prod ", "", LOCKED_ON_PROD)).isEqualTo(LOCKED_ON_PROD);
  }

  @Test
  void keepsTheLockSiteForAnotherCallNamedInsideALock() {
    assertThat(CallTarget.resolve(null, "2000", LOCKED_ON_PROD))
        .isEqualTo(new CallTarget("prod", CallRef.of(2000)));
  }

  @Test
  void inheritsNoCallFromALockOnAnotherSite() {
    assertThatThrownBy(() -> CallTarget.resolve("test", null, LOCKED_ON_PROD))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'callRef' is missing");
  }

  @Test
  void refusesAMissingCallOutsideALock() {
    assertThatThrownBy(() -> CallTarget.resolve("prod", "  ", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'callRef' is missing")
        .hasMessageContaining("callRef: '1234'");
  }

  @Test
  void refusesAnInvalidCallNamingTheParameter() {
    assertThatThrownBy(() -> CallTarget.resolve("prod", "abc", LOCKED_ON_PROD))
        .hasMessageStartingWith("Parameter 'callRef': ");
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(LOCKED_ON_PROD);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(LOCKED_ON_PROD);
    }
  }
}
