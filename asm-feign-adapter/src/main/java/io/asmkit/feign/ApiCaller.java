package io.asmkit.feign;

import io.asmkit.core.domain.AccessToken;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.domain.OperationInterruptedException;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.port.out.TokenPort;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Sends one API request with a bearer token: on a 401 it asks the {@link TokenPort} for a fresh
 * token once and repeats the request once; maps failures through the {@link ErrorMapper}; marks the
 * ones worth repeating for the {@link Retrier}.
 */
final class ApiCaller {

  private final HttpExchange http;
  private final TokenPort tokens;
  private final ErrorMapper errors;

  ApiCaller(HttpExchange http, TokenPort tokens, ErrorMapper errors) {
    this.http = http;
    this.tokens = tokens;
    this.errors = errors;
  }

  /**
   * One attempt of a request.
   *
   * @throws TransientFailure when the failure may pass (for the {@link Retrier})
   * @throws AsmException for any other failure
   */
  Reply once(RequestInfo request, PlannedRequest planned) {
    AccessToken token = tokens.current();
    Reply reply = exchange(request, planned, token);

    if (reply.status() == 401) {
      tokens.rejected(token);
      AccessToken fresh;
      try {
        fresh = tokens.current();
      } catch (AuthenticationException noFreshToken) {
        throw errors.tokenRefused(request, reply, noFreshToken);
      }
      reply = exchange(request, planned, fresh);
      if (reply.status() == 401) {
        tokens.rejected(fresh);
        throw errors.tokenRefused(request, reply, null);
      }
    }

    if (reply.isSuccess()) {
      CallReplies.requireNotHtml(errors, request, reply);
      return reply;
    }
    AsmException failure = errors.fromReply(request, reply);
    if (failure instanceof ServerUnavailableException unavailable
        && Retrier.TRANSIENT_STATUSES.contains(reply.status())) {
      throw new TransientFailure(
          unavailable, true, Retrier.retryAfter(reply.header("Retry-After")));
    }
    throw failure;
  }

  private Reply exchange(RequestInfo request, PlannedRequest planned, AccessToken token) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + token.value());
    headers.put("Accept", "application/json");
    byte[] body = null;
    if (planned.jsonBody() != null) {
      headers.put("Content-Type", "application/json; charset=utf-8");
      body = planned.jsonBody().getBytes(StandardCharsets.UTF_8);
    }
    return send(http, errors, request, planned, headers, body);
  }

  /**
   * Sends through {@code http}, turning a missing reply into a {@link TransientFailure}, an {@link
   * OperationInterruptedException}, or (for TLS failures, which do not pass) a plain failure.
   */
  static Reply send(
      HttpExchange http,
      ErrorMapper errors,
      RequestInfo request,
      PlannedRequest planned,
      Map<String, String> headers,
      byte[] body) {
    try {
      return http.send(planned.method(), planned.uri(), headers, body);
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new OperationInterruptedException(
            "Interrupted while waiting for ASM to answer "
                + request.line()
                + "; the request may or may not have taken effect.",
            request.ref(),
            e);
      }
      ServerUnavailableException failure = errors.fromFailure(request, e, http.readTimeout());
      if (e instanceof SSLException) {
        throw failure;
      }
      boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
      throw new TransientFailure(failure, !notSent, null);
    }
  }
}
