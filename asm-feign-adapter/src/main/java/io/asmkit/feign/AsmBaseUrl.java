package io.asmkit.feign;

import io.asmkit.core.domain.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The base address of one ASM system, such as {@code https://asm.example.org/production}, checked
 * and normalised: the API and login addresses are derived from it.
 */
public final class AsmBaseUrl {

  /** Where the REST API lives under the base (documented by Alemba). */
  static final String API_PATH = "alemba.api/api/v2/";

  /** Where the OAuth login lives under the base (documented by Alemba). */
  static final String LOGIN_PATH = "alemba.web/oauth/login";

  private static final String EXAMPLE = "https://asm.example.org/production";

  private final URI base;

  private AsmBaseUrl(URI base) {
    this.base = base;
  }

  /**
   * Checks and normalises a base URL. A trailing slash is optional.
   *
   * @throws InvalidInputException when the URL is empty, not http(s), has no host, carries a user
   *     name or password, a query or a fragment, or points inside the API; the message names the
   *     URL (without any user info) and the fix
   */
  public static AsmBaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidInputException(
          "The ASM base URL is empty. Give your system's address, for example " + EXAMPLE + ".");
    }
    String trimmed = url.strip();

    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw invalid(trimmed, "is not a valid URL (" + e.getReason() + ")");
    }

    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw invalid(trimmed, "must start with https:// (or http:// for a local test server)");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid(
          trimmed,
          "contains a user name or password: remove it, and give the credentials as a bearer"
              + " token or a password login instead");
    }
    if (uri.getHost() == null) {
      throw invalid(trimmed, "has no host name");
    }
    if (uri.getRawQuery() != null) {
      throw invalid(trimmed, "has a query ('?…'): give only the system's address");
    }
    if (uri.getRawFragment() != null) {
      throw invalid(trimmed, "has a fragment ('#…'): give only the system's address");
    }
    String path = stripTrailingSlashes(uri.getRawPath() == null ? "" : uri.getRawPath());
    String lowerPath = path.toLowerCase(Locale.ROOT);
    if (lowerPath.contains("/alemba.api") || lowerPath.contains("/alemba.web")) {
      throw invalid(
          trimmed,
          "points inside the API: give the system's address only, without /alemba.api/… or"
              + " /alemba.web/…");
    }

    return new AsmBaseUrl(URI.create(scheme + "://" + uri.getRawAuthority() + path));
  }

  /** The base address, without a trailing slash. */
  public URI uri() {
    return base;
  }

  /** The root of the REST API: {@code {base}/alemba.api/api/v2/}. */
  public URI apiRoot() {
    return URI.create(base + "/" + API_PATH);
  }

  /** The OAuth login address: {@code {base}/alemba.web/oauth/login}. */
  public URI loginUri() {
    return URI.create(base + "/" + LOGIN_PATH);
  }

  /** An address under the API root, such as {@code call/1234/lock}. */
  URI api(String relative) {
    return URI.create(base + "/" + API_PATH + relative);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AsmBaseUrl && ((AsmBaseUrl) other).base.equals(base);
  }

  @Override
  public int hashCode() {
    return base.hashCode();
  }

  /** The base address, without a trailing slash. */
  @Override
  public String toString() {
    return base.toString();
  }

  private static String stripTrailingSlashes(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(0, end);
  }

  private static InvalidInputException invalid(String url, String problem) {
    return new InvalidInputException(
        "The ASM base URL '"
            + withoutUserInfo(url)
            + "' "
            + problem
            + ". Give your system's address, for example "
            + EXAMPLE
            + ".");
  }

  /** Hides anything between '//' and '@', and cuts the text, so no password is ever echoed. */
  private static String withoutUserInfo(String url) {
    String hidden = url.replaceAll("(?<=//)[^/?#]*@", "****@").replaceAll("[\\s\\p{Cntrl}]+", " ");
    return hidden.length() > 120 ? hidden.substring(0, 119) + "…" : hidden;
  }
}
