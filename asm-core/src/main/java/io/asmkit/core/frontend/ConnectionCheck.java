package io.asmkit.core.frontend;

import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.CallNotFoundException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.port.in.GetCallUseCase;

/**
 * Checks that an ASM site answers with the configured credentials, by reading one call: the same
 * path every step takes (login or token, then an API request). A call that does not exist still
 * proves the connection, since the server had to accept the token to say so, but only when the
 * reply says the call was not found: a bare 404 (such as a web server's page for a wrong path) is
 * reported as a likely wrong base URL. (Assumption: ASM's 404 message says "not found", as the
 * sandbox's does; see asm-api.md.)
 */
public final class ConnectionCheck {

  /** The call read when none is named: any number works, existing or not. */
  public static final CallRef DEFAULT_PROBE = CallRef.of(1);

  /**
   * The outcome of a check.
   *
   * @param ok whether the site answered and accepted the credentials
   * @param message one line for people, never a secret
   */
  public record Result(boolean ok, String message) {}

  private ConnectionCheck() {}

  /** Reads {@code probe} through {@code calls} and says whether the site is usable. */
  public static Result run(GetCallUseCase calls, CallRef probe, String site) {
    try {
      calls.get(probe);
      return new Result(true, "Connected to '" + site + "': call " + probe + " was read.");
    } catch (CallNotFoundException notFound) {
      if (!saysNotFound(notFound)) {
        return new Result(
            false,
            "Could not use '"
                + site
                + "': the server answered 404 without ASM's message; check the base URL (it ends"
                + " with the system name, for example https://asm.example.org/production).");
      }
      return new Result(
          true,
          "Connected to '"
              + site
              + "': the credentials were accepted (call "
              + probe
              + " does not exist, which is fine for this check).");
    } catch (AsmException failure) {
      return new Result(
          false, "Could not use '" + site + "': " + ActionMessages.shortMessage(failure));
    }
  }

  private static boolean saysNotFound(CallNotFoundException notFound) {
    return notFound
        .serverMessage()
        .map(text -> text.toLowerCase(java.util.Locale.ROOT).contains("not found"))
        .orElse(false);
  }
}
