package io.asmkit.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.inmemory.InMemoryAsm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Answers every request to the sandbox: plays faults, checks tokens, routes to the login or to the
 * in-memory model, maps the model's exceptions to replies, and records the request.
 */
final class SandboxHandler implements HttpHandler {

  private static final Logger LOGGER = Logger.getLogger(SandboxHandler.class.getName());

  /** Bodies above this size are refused with 413: no client of ours sends that much. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final InMemoryAsm model;
  private final UserDirectory users;
  private final TokenStore tokens;
  private final RequestLog log;
  private final SandboxFaults faults;
  private final Duration latency;
  private final AtomicInteger logins = new AtomicInteger();

  SandboxHandler(
      InMemoryAsm model,
      UserDirectory users,
      TokenStore tokens,
      RequestLog log,
      SandboxFaults faults,
      Duration latency) {
    this.model = model;
    this.users = users;
    this.tokens = tokens;
    this.log = log;
    this.faults = faults;
    this.latency = latency;
  }

  /** Successful password logins so far (refreshes do not count). */
  int loginCount() {
    return logins.get();
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      Incoming request = read(exchange);
      Reply reply = answer(request);

      // Recorded before the reply goes out, so a client that has its answer sees the record.
      log.add(request.recorded(reply.status()));

      send(exchange, reply);
    } catch (IOException e) {
      // The client went away; there is nobody left to answer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private Reply answer(Incoming request) throws InterruptedException {
    Optional<Fault> fault = faults.take(request.method, request.path);
    if (fault.isPresent()) {
      Reply instead = fault.get().play();
      if (instead != null) {
        return instead;
      }
    }

    if (request.body == null) {
      return WireFormat.tooLarge(MAX_BODY_BYTES);
    }
    try {
      return route(request);
    } catch (WireFormat.BodyException e) {
      return WireFormat.badBody(e.getMessage());
    } catch (RuntimeException e) {
      // A bug of the sandbox. Only the type goes to WARNING: a message might quote the request.
      LOGGER.warning(
          () ->
              "The sandbox failed to answer "
                  + request.method
                  + " "
                  + request.path
                  + ": "
                  + e.getClass().getName());
      LOGGER.log(Level.FINE, "The sandbox's failure", e);
      return WireFormat.internalError();
    }
  }

  private Reply route(Incoming request) {
    if (request.path.equalsIgnoreCase(WireFormat.LOGIN_PATH)) {
      return request.method.equals("POST")
          ? login(request)
          : WireFormat.methodNotAllowed(request.method, "POST");
    }
    if (!request.path.regionMatches(
        true, 0, WireFormat.API_ROOT, 0, WireFormat.API_ROOT.length())) {
      return WireFormat.noResource();
    }

    String[] segments = request.path.substring(WireFormat.API_ROOT.length()).split("/", -1);
    String address = Endpoint.addressOf(segments);
    String allowed = Endpoint.allowed(address);
    if (allowed.isEmpty()) {
      return WireFormat.noResource();
    }
    Optional<Endpoint> endpoint = Endpoint.find(address, request.method);
    if (endpoint.isEmpty()) {
      return WireFormat.methodNotAllowed(request.method, allowed);
    }

    Optional<String> user = bearer(request).flatMap(tokens::userFor);
    if (user.isEmpty()) {
      return WireFormat.unauthorized();
    }
    return call(endpoint.get(), segments, user.get(), request);
  }

  // --- the API, as one user

  private Reply call(Endpoint endpoint, String[] segments, String user, Incoming request) {
    String body = request.body;
    if (!body.isBlank() && endpoint.readsBody && !isJson(request)) {
      return WireFormat.unsupportedMediaType(request.header("Content-Type").orElse(""));
    }
    if (endpoint == Endpoint.STATUS_TITLES) {
      return WireFormat.statusTitles(model.statusTitles());
    }
    Map<String, Object> sent = Map.of();
    try {
      if (endpoint == Endpoint.CREATE) {
        sent = WireFormat.readObject(body);
        CallRef created = model.create(user, sent);
        return WireFormat.created(created, actions(created, user));
      }

      CallRef ref = CallRef.parse(segments[1]);
      switch (endpoint) {
        case GET -> {
          return callReply(ref, user);
        }
        case UPDATE -> {
          sent = WireFormat.readObject(body);
          model.update(user, ref, sent);
          return callReply(ref, user);
        }
        case LOCK -> model.lock(user, ref);
        case UNLOCK -> model.unlock(user, ref);
        case SUBMIT -> model.submit(user, ref);
        case FORWARD, DEFER, CLOSE -> {
          sent =
              body.isBlank() ? Map.of() : WireFormat.actionParameters(WireFormat.readObject(body));
          model.perform(user, ref, CallAction.of(endpoint.action, sent));
        }
        default -> throw new IllegalStateException("No handling for " + endpoint);
      }
      return Reply.empty(WireFormat.NO_CONTENT);
    } catch (AsmException e) {
      return WireFormat.failure(e, sent);
    }
  }

  private static boolean isJson(Incoming request) {
    String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    return type.startsWith("application/json") || type.matches("application/[a-z0-9.+-]*\\+json.*");
  }

  private Reply callReply(CallRef ref, String user) {
    // One lock on the model, so the fields and the actions describe the same moment.
    synchronized (model) {
      Call call = model.get(user, ref);
      return WireFormat.call(call.fields(), actions(ref, user));
    }
  }

  private Map<String, Object> actions(CallRef ref, String user) {
    synchronized (model) {
      CallStage stage = model.stage(ref);
      return WireFormat.actions(ref, stage, model.lockHolder(ref).orElse(null), user);
    }
  }

  // --- login and refresh

  private Reply login(Incoming request) {
    String type = request.header("Content-Type").orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith(WireFormat.FORM)) {
      return invalidRequest("Send the login form as " + WireFormat.FORM + ".");
    }
    Map<String, String> form;
    try {
      form = parseForm(request.body);
    } catch (IllegalArgumentException e) {
      return invalidRequest(e.getMessage());
    }

    String grantType = form.get(WireFormat.GRANT_TYPE);
    String clientId = form.get(WireFormat.CLIENT_ID);
    if (grantType == null || grantType.isEmpty()) {
      return invalidRequest("The field grant_type is missing: use password or refresh_token.");
    }
    if (clientId == null || clientId.isEmpty()) {
      return invalidRequest("The field client_id is missing: give the API client id.");
    }
    if (!users.isClient(clientId)) {
      return WireFormat.oauthError(401, "invalid_client", "The API client id is not known.");
    }

    return switch (grantType) {
      case "password" -> passwordLogin(form, clientId);
      case "refresh_token" -> refresh(form, clientId);
      default ->
          WireFormat.oauthError(
              400, "unsupported_grant_type", "Use grant_type password or refresh_token.");
    };
  }

  private Reply passwordLogin(Map<String, String> form, String clientId) {
    String username = form.get(WireFormat.USERNAME);
    String password = form.get(WireFormat.PASSWORD);
    String scope = form.get(WireFormat.SCOPE);
    if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
      return invalidRequest("The fields username and password are both needed.");
    }
    if (scope != null && !WireFormat.SCOPES.contains(scope)) {
      return WireFormat.oauthError(
          400, "invalid_scope", "Use one of the scopes " + WireFormat.SCOPES + ", or none.");
    }

    Optional<UserDirectory.User> user = users.authenticate(username, password);
    if (user.isEmpty()) {
      return WireFormat.oauthError(400, "invalid_grant", "The user name or password is incorrect.");
    }
    if (!user.get().clientId().equals(clientId)) {
      return WireFormat.oauthError(
          400, "invalid_grant", "The user may not log in through this API client.");
    }

    logins.incrementAndGet();
    TokenStore.Issued issued = tokens.issue(username, clientId);
    return WireFormat.tokens(
        issued.accessToken(), issued.refreshToken(), issued.expiresInSeconds());
  }

  private Reply refresh(Map<String, String> form, String clientId) {
    String refreshToken = form.get(WireFormat.REFRESH_TOKEN);
    if (refreshToken == null || refreshToken.isEmpty()) {
      return invalidRequest("The field refresh_token is missing.");
    }

    Optional<TokenStore.Grant> grant = tokens.redeem(refreshToken, clientId);
    if (grant.isEmpty()) {
      return WireFormat.oauthError(
          400, "invalid_grant", "The refresh token is not valid: it is unknown, used or expired.");
    }

    TokenStore.Issued issued = tokens.issue(grant.get().user(), clientId);
    return WireFormat.tokens(
        issued.accessToken(), issued.refreshToken(), issued.expiresInSeconds());
  }

  private static Reply invalidRequest(String description) {
    return WireFormat.oauthError(400, "invalid_request", description);
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (form.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("The field " + name + " is given twice: give it once.");
      }
    }
    return form;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The login form is not properly URL-encoded.");
    }
  }

  private static Optional<String> bearer(Incoming request) {
    return request
        .header("Authorization")
        .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(value -> value.substring(7).strip())
        .filter(token -> !token.isEmpty());
  }

  // --- the exchange

  private static Incoming read(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        body = null;
        in.transferTo(OutputStream.nullOutputStream());
      } else {
        body = new String(bytes, StandardCharsets.UTF_8);
      }
    }
    return new Incoming(
        exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        uri.getPath() == null ? "" : uri.getPath(),
        uri.getRawQuery(),
        Map.copyOf(exchange.getRequestHeaders()),
        body);
  }

  private void send(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
    if (reply.isNoReply()) {
      // Closing an exchange whose headers were never sent closes the connection itself.
      return;
    }
    if (!latency.isZero()) {
      Thread.sleep(latency.toMillis());
    }

    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    byte[] body = head ? new byte[0] : reply.body();
    // For HttpServer, length 0 means "chunked"; -1 means "no body".
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** A request as read: method, path, raw query, headers and body ({@code null} when too large). */
  private record Incoming(
      String method, String path, String query, Map<String, List<String>> headers, String body) {

    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .flatMap(entry -> entry.getValue().stream())
          .findFirst();
    }

    RecordedRequest recorded(int status) {
      return new RecordedRequest(method, path, query, headers, body == null ? "" : body, status);
    }
  }

  /** The API's addresses below the API root, with their methods (ASSUMED, see WireFormat). */
  private enum Endpoint {
    STATUS_TITLES("GET", WireFormat.STATUS_LIST, null, false),
    CREATE("POST", "call", null, true),
    GET("GET", "call/{ref}", null, false),
    UPDATE("PUT", "call/{ref}", null, true),
    LOCK("PUT", "call/{ref}/lock", null, false),
    UNLOCK("PUT", "call/{ref}/unlock", null, false),
    SUBMIT("PUT", "call/{ref}/submit", null, false),
    FORWARD("PUT", "call/{ref}/forward", CallAction.Kind.FORWARD, true),
    DEFER("PUT", "call/{ref}/defer", CallAction.Kind.DEFER, true),
    CLOSE("PUT", "call/{ref}/close", CallAction.Kind.CLOSE, true);

    private final String method;
    private final String address;
    private final CallAction.Kind action;
    private final boolean readsBody;

    Endpoint(String method, String address, CallAction.Kind action, boolean readsBody) {
      this.method = method;
      this.address = address;
      this.action = action;
      this.readsBody = readsBody;
    }

    /** The endpoint at this address for this method, if any. */
    static Optional<Endpoint> find(String address, String method) {
      return Arrays.stream(values())
          .filter(endpoint -> endpoint.address.equals(address) && endpoint.method.equals(method))
          .findFirst();
    }

    /** The methods served at this address, such as {@code "GET, PUT"}; empty when none. */
    static String allowed(String address) {
      return Arrays.stream(values())
          .filter(endpoint -> endpoint.address.equals(address))
          .map(endpoint -> endpoint.method)
          .collect(Collectors.joining(", "));
    }

    /**
     * The address pattern of a path below the API root, with a call number replaced by {@code
     * {ref}}: {@code call/1000/lock} becomes {@code call/{ref}/lock}. Names are matched in any
     * case.
     */
    static String addressOf(String[] segments) {
      String[] pattern = new String[segments.length];
      for (int i = 0; i < segments.length; i++) {
        boolean refPlace = i == 1 && segments[0].equalsIgnoreCase("call");
        pattern[i] =
            refPlace && isRef(segments[i]) ? "{ref}" : segments[i].toLowerCase(Locale.ROOT);
      }
      return String.join("/", pattern);
    }

    private static boolean isRef(String segment) {
      if (segment.isEmpty() || !segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return false;
      }
      try {
        CallRef.parse(segment);
        return true;
      } catch (InvalidInputException e) {
        return false;
      }
    }
  }
}
