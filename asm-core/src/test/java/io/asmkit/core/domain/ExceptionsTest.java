package io.asmkit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The domain's exceptions carry the call, the status and a short server message; tokens hide. */
class ExceptionsTest {

  private static final CallRef REF = CallRef.of(1234);

  /** Builds one kind of exception from the arguments every kind takes. */
  @FunctionalInterface
  interface Factory {
    AsmException make(
        String message, CallRef ref, int status, String serverMessage, Throwable cause);
  }

  static Stream<Arguments> everyKind() {
    return Stream.of(
        Arguments.of("not found", (Factory) CallNotFoundException::new, false),
        Arguments.of(
            "locked",
            (Factory) (m, r, s, sm, c) -> new CallLockedException(m, r, "jsmith", s, sm, c),
            false),
        Arguments.of("not allowed", (Factory) ActionNotAllowedException::new, false),
        Arguments.of("authentication", (Factory) AuthenticationException::new, false),
        Arguments.of("access denied", (Factory) AccessDeniedException::new, false),
        Arguments.of("rejected", (Factory) RequestRejectedException::new, false),
        Arguments.of("unavailable", (Factory) ServerUnavailableException::new, true),
        Arguments.of("invalid input", (Factory) InvalidInputException::new, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void carriesTheCallTheStatusTheServerMessageAndTheCause(
      String kind, Factory factory, boolean retryable) {
    IllegalStateException cause = new IllegalStateException("underlying");

    AsmException e = factory.make("what failed", REF, 409, "Call is locked by jsmith", cause);

    assertThat(e).isInstanceOf(AsmException.class).isInstanceOf(RuntimeException.class);
    assertThat(e).hasMessage("what failed").hasCause(cause);
    assertThat(e.callRef()).contains(REF);
    assertThat(e.httpStatus()).hasValue(409);
    assertThat(e.serverMessage()).contains("Call is locked by jsmith");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void carriesNothingItWasNotGiven(String kind, Factory factory, boolean retryable) {
    AsmException e = factory.make("what failed", null, 0, null, null);

    assertThat(e.callRef()).isEmpty();
    assertThat(e.httpStatus()).isEmpty();
    assertThat(e.serverMessage()).isEmpty();
    assertThat(e.getCause()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void isRetryableOnlyWhenTheServerWasUnavailable(String kind, Factory factory, boolean retryable) {
    AsmException e = factory.make("what failed", REF, 500, null, null);

    assertThat(e.isRetryable()).isEqualTo(retryable);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void foldsTheServerMessageToOneLine(String kind, Factory factory, boolean retryable) {
    String body = "  {\"Message\":\r\n  \"Call 1234\tis locked\"\n}\u0000\u001b[31m  ";

    AsmException e = factory.make("what failed", REF, 409, body, null);

    assertThat(e.serverMessage()).contains("{\"Message\": \"Call 1234 is locked\" } [31m");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void capsTheServerMessage(String kind, Factory factory, boolean retryable) {
    String html = "<html><body>" + "Server Error ".repeat(1000) + "</body></html>";

    AsmException e = factory.make("what failed", REF, 502, html, null);

    assertThat(e.serverMessage().orElseThrow())
        .hasSize(300)
        .startsWith("<html><body>Server Error")
        .endsWith("…");
  }

  @Test
  void neverCutsACharacterInHalfWhenCappingTheServerMessage() {
    String body = "a".repeat(298) + "\uD83D\uDE00".repeat(10);

    AsmException e = new RequestRejectedException("x", REF, 400, body, null);

    String kept = e.serverMessage().orElseThrow();
    assertThat(kept).isEqualTo("a".repeat(298) + "…");
  }

  @Test
  void ignoresAStatusThatIsNotAnHttpStatus() {
    AsmException e = new RequestRejectedException("x", REF, -1, null, null);

    assertThat(e.httpStatus()).isEmpty();
  }

  @Test
  void namesTheHolderOfTheLock() {
    CallLockedException e = CallLockedException.heldBy(REF, "jsmith");

    assertThat(e.holder()).contains("jsmith");
    assertThat(e.callRef()).contains(REF);
    assertThat(e)
        .hasMessage(
            "Call 1234 is locked by 'jsmith'. Wait for the lock to be released, or ask its"
                + " holder to unlock the call.");
  }

  @Test
  void speaksOfAnotherUserWhenTheHolderIsUnknown() {
    CallLockedException e = CallLockedException.heldBy(REF, null);

    assertThat(e.holder()).isEmpty();
    assertThat(e).hasMessageContaining("Call 1234 is locked by another user.");
  }

  @Test
  void keepsTheCallWhenInputWasInvalidForOneCall() {
    InvalidInputException forCall = new InvalidInputException("bad", REF);
    InvalidInputException forNone = new InvalidInputException("bad");

    assertThat(forCall.callRef()).contains(REF);
    assertThat(forNone.callRef()).isEmpty();
    assertThat(forNone.httpStatus()).isEmpty();
  }

  @Test
  void interruptionCarriesTheCallAndNoStatus() {
    InterruptedException cause = new InterruptedException();

    OperationInterruptedException e = new OperationInterruptedException("stopped", REF, cause);

    assertThat(e.callRef()).contains(REF);
    assertThat(e.httpStatus()).isEmpty();
    assertThat(e.serverMessage()).isEmpty();
    assertThat(e).hasCause(cause);
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void failedUnlockNamesTheCallTheAttemptsAndHowToUnlockIt() {
    ServerUnavailableException last =
        new ServerUnavailableException("ASM answered 503.", REF, 503, "Service Unavailable", null);

    UnlockFailedException e = new UnlockFailedException(REF, 4, last);

    assertThat(e)
        .hasMessageContaining("Call 1234 may still be locked")
        .hasMessageContaining("after 4 attempts")
        .hasMessageContaining("asm unlock 1234")
        .hasMessageContaining("Last error: ASM answered 503.")
        .hasCause(last);
    assertThat(e.lastFailure()).isSameAs(last);
    assertThat(e.callRef()).contains(REF);
    assertThat(e.httpStatus()).hasValue(503);
    assertThat(e.serverMessage()).contains("Service Unavailable");
  }

  @Test
  void failedUnlockCountsASingleAttempt() {
    AccessDeniedException last = new AccessDeniedException("denied", REF, 403, null, null);

    UnlockFailedException e = new UnlockFailedException(REF, 1, last);

    assertThat(e).hasMessageContaining("after 1 attempt.");
    assertThat(e.httpStatus()).hasValue(403);
    assertThat(e.serverMessage()).isEmpty();
  }

  @Test
  void failedUnlockAdvisesWaitingOnlyWhenTheFailureWasTransient() {
    AccessDeniedException denied = new AccessDeniedException("denied", REF, 403, null, null);
    CallLockedException taken = CallLockedException.heldBy(REF, "jsmith");
    RequestRejectedException rejected = new RequestRejectedException("no", REF, 400, null, null);

    assertThat(new UnlockFailedException(REF, 1, denied))
        .hasMessageContaining("Unlock it in ASM, or for example 'asm unlock 1234' with credentials")
        .hasMessageNotContaining("answers again");
    assertThat(new UnlockFailedException(REF, 1, taken))
        .hasMessageContaining("Another user holds its lock now ('jsmith')")
        .hasMessageNotContaining("answers again");
    assertThat(new UnlockFailedException(REF, 1, rejected))
        .hasMessageContaining("Check the call in ASM and unlock it there")
        .hasMessageNotContaining("answers again");
  }

  /**
   * The work before a failed unlock has been done; repeating it is not "the same request", so a
   * failed unlock is not retryable whatever its cause. Whether unlocking alone may succeed later is
   * what {@code lastFailure().isRetryable()} says.
   */
  @Test
  void failedUnlockIsNotRetryableEvenAfterATransientFailure() {
    ServerUnavailableException last = new ServerUnavailableException("down", REF, 503, null, null);

    UnlockFailedException e = new UnlockFailedException(REF, 4, last);

    assertThat(e.isRetryable()).isFalse();
    assertThat(e.lastFailure().isRetryable()).isTrue();
  }

  @Test
  void tokenNeverShowsItsValue() {
    AccessToken token = AccessToken.of("eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.sig");

    assertThat(token.toString()).isEqualTo("AccessToken[****]").doesNotContain("eyJ");
    assertThat(String.valueOf(token)).doesNotContain("c2VjcmV0");
    assertThat(token.value()).isEqualTo("eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.sig");
  }

  @Test
  void tokenEqualsATokenWithTheSameValue() {
    assertThat(AccessToken.of("abc"))
        .isEqualTo(AccessToken.of("abc"))
        .hasSameHashCodeAs(AccessToken.of("abc"))
        .isNotEqualTo(AccessToken.of("abd"))
        .isNotEqualTo("abc");
  }

  @Test
  void tokenIsNotSerializable() {
    assertThat(AccessToken.of("abc")).isNotInstanceOf(Serializable.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void refusesABlankToken(String value) {
    assertThatThrownBy(() -> AccessToken.of(value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> AccessToken.of(null)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer s3cr3tT0ken",
        "s3cr3tT0ken\n",
        " s3cr3tT0ken",
        "s3cr3t\tT0ken",
        "s3cr3t\u0000T0ken",
        "s3cr3t\u00a0T0ken",
        "s3cr3t\u200bT0ken",
        "s3cr3t\u00e9T0ken"
      })
  void refusesATokenWithSpacesControlOrNonAsciiCharactersWithoutShowingIt(String value) {
    assertThatThrownBy(() -> AccessToken.of(value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("spaces or line breaks")
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain("s3cr3t").doesNotContain("T0ken");
              assertThat(e.toString()).doesNotContain("s3cr3t");
            });
  }
}
