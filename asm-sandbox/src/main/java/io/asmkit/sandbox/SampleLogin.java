package io.asmkit.sandbox;

/**
 * The sample user of the sandbox's built-in data, for demos, benchmarks and tests. Its password is
 * published in docs/sandbox.md: it opens only a local sandbox, and is no secret.
 *
 * @param username the user name to log in with
 * @param password the user's published sample password
 * @param clientId the API client id the user logs in through
 */
public record SampleLogin(String username, String password, String clientId) {

  /** The first user of the built-in sample data (the sample analyst). */
  public static SampleLogin analyst() {
    return Holder.ANALYST;
  }

  /** Reads the sample data once, on first use. */
  private static final class Holder {
    private static final SampleLogin ANALYST = SandboxData.sample().sampleLogin();
  }

  /** Names the user and the client; never shows the password. */
  @Override
  public String toString() {
    return "SampleLogin[" + username + " via " + clientId + "]";
  }
}
