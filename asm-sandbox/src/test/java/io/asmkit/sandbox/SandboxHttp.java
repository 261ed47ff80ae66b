package io.asmkit.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for the tests: logs in, sends API requests, reads JSON replies. */
final class SandboxHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  SandboxHttp(AsmSandbox sandbox) {
    this.base = sandbox.baseUrl();
  }

  /** The login address. */
  URI loginUri() {
    return URI.create(base + "/alemba.web/oauth/login");
  }

  /** An address below the API root, such as {@code call/1000/lock}. */
  URI api(String path) {
    return URI.create(base + "/alemba.api/api/v2/" + path);
  }

  /** Posts the login form with these fields, in order. */
  HttpResponse<String> postForm(Map<String, String> fields) {
    String form =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(loginUri())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** A password login's form fields. */
  static Map<String, String> passwordForm(String username, String password, String clientId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", clientId);
    form.put("username", username);
    form.put("password", password);
    form.put("scope", "session-type:Analyst");
    return form;
  }

  /** A refresh's form fields. */
  static Map<String, String> refreshForm(String refreshToken, String clientId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("client_id", clientId);
    return form;
  }

  /** Logs in with the sample client id and returns the parsed token reply. */
  Map<String, Object> login(String username, String password) {
    return login(username, password, "sandbox-client");
  }

  /** Logs in through an API client and returns the parsed token reply. */
  Map<String, Object> login(String username, String password, String clientId) {
    HttpResponse<String> reply = postForm(passwordForm(username, password, clientId));
    if (reply.statusCode() != 200) {
      throw new AssertionError("Login of " + username + " answered " + reply.statusCode());
    }
    return json(reply);
  }

  /** Logs in and returns the access token. */
  String token(String username, String password) {
    return (String) login(username, password).get("access_token");
  }

  /** Sends an API request; {@code body} may be null for none. */
  HttpResponse<String> api(String method, String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(api(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    return send(request.method(method, publisher).build());
  }

  /** Sends any request. */
  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The reply's body as a JSON object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> json(HttpResponse<String> reply) {
    try {
      return JSON.readValue(reply.body(), LinkedHashMap.class);
    } catch (IOException e) {
      throw new AssertionError("Not a JSON object: " + reply.body(), e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
