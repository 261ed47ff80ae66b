package io.asmkit.core.port.out;

import io.asmkit.core.domain.AccessToken;
import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.domain.ServerUnavailableException;

/**
 * Driven port: the supply of bearer tokens for the ASM API, from a fixed token, a password login or
 * a secret store.
 *
 * <p>Implementations are safe for use by several threads at once, and two threads asking at the
 * same moment cause at most one login or refresh.
 */
public interface TokenPort {

  /**
   * Returns a token that is valid now, logging in or refreshing first when needed.
   *
   * @throws AuthenticationException when the credentials are refused, or a fixed token was already
   *     rejected
   * @throws ServerUnavailableException when the login server cannot be reached
   */
  AccessToken current();

  /**
   * Tells the supplier that the server refused {@code token} (HTTP 401), so that the next {@link
   * #current()} gets a fresh one. A supplier that cannot get another token makes the next {@link
   * #current()} throw {@link AuthenticationException}.
   */
  void rejected(AccessToken token);
}
