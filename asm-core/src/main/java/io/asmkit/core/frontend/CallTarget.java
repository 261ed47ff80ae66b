package io.asmkit.core.frontend;

import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import java.io.Serializable;
import java.util.Objects;

/**
 * The call a step acts on and the site it lives on. Inside a block that locked a call, a step that
 * names no call acts on the locked one, on the same site, unless it names another site.
 *
 * <p>Serializable, so that a pipeline keeps it across a controller restart; it holds only a site
 * name and a call number, never a credential.
 */
public final class CallTarget implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String site;
  private final CallRef callRef;

  /**
   * Creates a target.
   *
   * @param site the site's name, or {@code null} for the default site
   * @param callRef the call
   */
  public CallTarget(String site, CallRef callRef) {
    this.site = site;
    this.callRef = Objects.requireNonNull(callRef, "callRef");
  }

  /**
   * Decides what a step acts on: the site and call it names, else those of the enclosing lock.
   *
   * @param site the site the step names, or {@code null}/blank
   * @param callRef the call the step names (text or whole number), or {@code null}/blank
   * @param enclosing the target of the enclosing lock block, or {@code null} outside one
   * @throws InvalidInputException when no call is named and none can be inherited, or the named
   *     call is not valid
   */
  public static CallTarget resolve(String site, Object callRef, CallTarget enclosing) {
    String named = site == null || site.isBlank() ? null : site.strip();
    boolean sameSite =
        enclosing != null && (named == null || Objects.equals(named, enclosing.site));
    String effectiveSite = named == null && enclosing != null ? enclosing.site : named;

    boolean callNamed =
        callRef != null && !(callRef instanceof CharSequence && callRef.toString().isBlank());
    if (callNamed) {
      return new CallTarget(effectiveSite, CallArguments.callRef("callRef", callRef));
    }
    if (sameSite) {
      return new CallTarget(effectiveSite, enclosing.callRef);
    }
    throw new InvalidInputException(
        "Parameter 'callRef' is missing: give the call's number, for example callRef: '1234', or"
            + " use the step inside a block that locked a call on the same site.");
  }

  /** The site's name, or {@code null} for the default site. */
  public String site() {
    return site;
  }

  /** The call. */
  public CallRef callRef() {
    return callRef;
  }

  /** The same call on a site now known by name (once the default site is resolved). */
  public CallTarget onSite(String siteName) {
    return new CallTarget(siteName, callRef);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CallTarget
        && Objects.equals(((CallTarget) other).site, site)
        && ((CallTarget) other).callRef.equals(callRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(site, callRef);
  }

  @Override
  public String toString() {
    return "call " + callRef + " on " + (site == null ? "the default site" : "'" + site + "'");
  }
}
