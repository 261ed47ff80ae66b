package io.asmkit.it;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK {@link java.net.http.HttpClient} that hands every request to a real one and, for login
 * replies, notes the access and refresh tokens ASM issued, so that the tests can search every
 * output for them. The adapter reads replies as byte arrays; other body types are passed on
 * untouched.
 */
final class TokenCapturingHttpClient extends java.net.http.HttpClient {

  private static final Pattern TOKEN_FIELD =
      Pattern.compile("\"(?:access_token|refresh_token)\"\\s*:\\s*\"([^\"]+)\"");

  private final java.net.http.HttpClient delegate;
  private final Secrets secrets;

  TokenCapturingHttpClient(java.net.http.HttpClient delegate, Secrets secrets) {
    this.delegate = delegate;
    this.secrets = secrets;
  }

  /** A plain client with a short connect timeout, whose login replies feed {@code secrets}. */
  static TokenCapturingHttpClient over(Secrets secrets) {
    return new TokenCapturingHttpClient(
        java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
        secrets);
  }

  @Override
  public <T> java.net.http.HttpResponse<T> send(
      java.net.http.HttpRequest request, java.net.http.HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    java.net.http.HttpResponse<T> response = delegate.send(request, handler);
    noteTokens(request, response.body());
    return response;
  }

  @Override
  public <T> CompletableFuture<java.net.http.HttpResponse<T>> sendAsync(
      java.net.http.HttpRequest request, java.net.http.HttpResponse.BodyHandler<T> handler) {
    return delegate
        .sendAsync(request, handler)
        .thenApply(
            response -> {
              noteTokens(request, response.body());
              return response;
            });
  }

  @Override
  public <T> CompletableFuture<java.net.http.HttpResponse<T>> sendAsync(
      java.net.http.HttpRequest request,
      java.net.http.HttpResponse.BodyHandler<T> handler,
      java.net.http.HttpResponse.PushPromiseHandler<T> pushes) {
    return delegate
        .sendAsync(request, handler, pushes)
        .thenApply(
            response -> {
              noteTokens(request, response.body());
              return response;
            });
  }

  private void noteTokens(java.net.http.HttpRequest request, Object body) {
    if (!request.uri().getPath().endsWith("/oauth/login")) {
      return;
    }
    String text = null;
    if (body instanceof byte[] bytes) {
      text = new String(bytes, StandardCharsets.UTF_8);
    } else if (body instanceof String string) {
      text = string;
    }
    if (text == null) {
      return;
    }
    Matcher token = TOKEN_FIELD.matcher(text);
    while (token.find()) {
      secrets.add(token.group(1));
    }
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
