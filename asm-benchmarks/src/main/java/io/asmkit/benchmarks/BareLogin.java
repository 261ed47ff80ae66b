package io.asmkit.benchmarks;

import io.asmkit.sandbox.SampleLogin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs in to the sandbox with a bare request, to get one access token for the bare client. */
final class BareLogin {

  /** The sandbox's sample user, password and API client id. */
  static final SampleLogin SAMPLE = SampleLogin.analyst();

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private BareLogin() {}

  /** Posts the password login form and returns the access token. */
  static String accessToken(HttpClient http, URI base) throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id="
            + encode(SAMPLE.clientId())
            + "&username="
            + encode(SAMPLE.username())
            + "&password="
            + encode(SAMPLE.password())
            + "&scope="
            + encode("session-type:Analyst");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/alemba.web/oauth/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
    Matcher token = ACCESS_TOKEN.matcher(reply.body());
    if (reply.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "The sandbox refused the login: status " + reply.statusCode());
    }
    return token.group(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
