package io.asmkit.feign;

import io.asmkit.core.domain.AccessToken;
import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.port.out.TokenPort;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bearer token given once, as a pipeline's secret would be: always the same token, and once ASM
 * has refused it, an {@link AuthenticationException} instead, since no other can be had.
 */
public final class FixedToken implements TokenPort {

  private final AccessToken token;
  private final AtomicBoolean refused = new AtomicBoolean();

  /** Supplies {@code token}. */
  public FixedToken(AccessToken token) {
    this.token = Objects.requireNonNull(token, "token");
  }

  /**
   * Supplies the token with the given value.
   *
   * @throws io.asmkit.core.domain.InvalidInputException when the value is empty or has spaces
   */
  public static FixedToken of(String value) {
    return new FixedToken(AccessToken.of(value));
  }

  /**
   * The token.
   *
   * @throws AuthenticationException when ASM has refused it already
   */
  @Override
  public AccessToken current() {
    if (refused.get()) {
      throw new AuthenticationException(
          "ASM refused the bearer token (HTTP 401): it is expired or not valid for this system."
              + " Give a current token.",
          null,
          401,
          null,
          null);
    }
    return token;
  }

  @Override
  public void rejected(AccessToken rejected) {
    if (token.equals(rejected)) {
      refused.set(true);
    }
  }

  @Override
  public String toString() {
    return "FixedToken[****]";
  }
}
