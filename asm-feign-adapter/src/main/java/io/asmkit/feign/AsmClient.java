package io.asmkit.feign;

import io.asmkit.core.domain.AccessToken;
import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallOperation;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.port.out.CallPort;
import io.asmkit.core.port.out.TokenPort;
import io.asmkit.core.service.TimeSource;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ASM REST API as the core's {@link CallPort}, for one user of one ASM system. Build one per
 * process (or pipeline) and share it: it is safe for concurrent use, and with a password login it
 * logs in once and refreshes from then on.
 *
 * <pre>{@code
 * AsmClient client = AsmClient.builder("https://asm.example.org/production")
 *     .bearerToken(System.getenv("ASM_TOKEN"))
 *     .build();
 * }</pre>
 *
 * <p>Each operation sends the request {@link AsmRequests} plans, with a bearer token from {@link
 * #tokens()}. On a 401 it gets a fresh token once and repeats the request once. Transient failures
 * are repeated as the {@link RetryPolicy} allows. Failures are the core's exceptions, as {@link
 * CallPort} lists them; their messages name the request, the status and a redacted excerpt of the
 * reply, never a token or password.
 *
 * <p><b>Lock and retries:</b> a lock whose attempt failed in transit (a reset after sending, a
 * timeout, a 503) is repeated like a get, because locking a call we already hold succeeds (ASM does
 * not document this; the toolkit assumes it). If the repeat is refused as "locked by" the user of
 * this client's password login, the first attempt did lock it, and the lock counts as done.
 */
public final class AsmClient implements CallPort {

  /** The default time to open a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** The default time to wait for a reply to one request. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /** The login scope used unless another is given. */
  public static final String DEFAULT_SCOPE = "session-type:Analyst";

  private static final Logger LOGGER = LoggerFactory.getLogger(AsmClient.class);

  private final AsmBaseUrl base;
  private final TokenPort tokens;
  private final String username;
  private final ApiCaller api;
  private final ErrorMapper errors;
  private final Retrier retrier;

  private AsmClient(
      AsmBaseUrl base,
      TokenPort tokens,
      String username,
      ApiCaller api,
      ErrorMapper errors,
      Retrier retrier) {
    this.base = base;
    this.tokens = tokens;
    this.username = username;
    this.api = api;
    this.errors = errors;
    this.retrier = retrier;
  }

  /**
   * Starts a client for the system at {@code baseUrl}, such as {@code
   * https://asm.example.org/production}.
   *
   * @throws InvalidInputException when the URL is not valid (see {@link AsmBaseUrl#parse})
   */
  public static Builder builder(String baseUrl) {
    return new Builder(AsmBaseUrl.parse(baseUrl));
  }

  /** Starts a client for the system at {@code baseUrl}. */
  public static Builder builder(AsmBaseUrl baseUrl) {
    return new Builder(require(baseUrl, "base URL"));
  }

  /** The system's base address. */
  public AsmBaseUrl baseUrl() {
    return base;
  }

  /** Where this client's tokens come from. */
  public TokenPort tokens() {
    return tokens;
  }

  @Override
  public Call get(CallRef ref) {
    PlannedRequest planned = plan(CallOperation.GET, ref, Map.of());
    RequestInfo info = RequestInfo.of(CallOperation.GET, ref, planned);

    Reply reply =
        retrier.run(Retrier.Repeat.HARMLESS, info.purpose(), attempt -> api.once(info, planned));

    return CallReplies.call(errors, info, reply);
  }

  @Override
  public void lock(CallRef ref) {
    PlannedRequest planned = plan(CallOperation.LOCK, ref, Map.of());
    RequestInfo info = RequestInfo.of(CallOperation.LOCK, ref, planned);

    retrier.run(
        Retrier.Repeat.HARMLESS,
        info.purpose(),
        attempt -> {
          try {
            return api.once(info, planned);
          } catch (CallLockedException held) {
            if (attempt > 1 && isThisUser(held)) {
              LOGGER.debug("Call {} was locked by an earlier attempt of this client", ref);
              return null;
            }
            throw held;
          }
        });
  }

  @Override
  public void update(CallRef ref, CallUpdate update) {
    require(update, "update");
    send(CallOperation.UPDATE, ref, update.fields(), Retrier.Repeat.HARMLESS);
  }

  @Override
  public void unlock(CallRef ref) {
    send(CallOperation.UNLOCK, ref, Map.of(), Retrier.Repeat.HARMLESS);
  }

  @Override
  public void perform(CallRef ref, CallAction action) {
    require(action, "action");
    send(
        CallOperation.of(action.kind()), ref, action.parameters(), Retrier.Repeat.ONLY_IF_NOT_SENT);
  }

  @Override
  public CallRef create(CallUpdate fields) {
    require(fields, "fields");
    PlannedRequest planned = AsmRequests.plan(base, CallOperation.CREATE, null, fields.fields());
    RequestInfo info = RequestInfo.of(CallOperation.CREATE, null, planned);

    Reply reply =
        retrier.run(
            Retrier.Repeat.ONLY_IF_NOT_SENT, info.purpose(), attempt -> api.once(info, planned));

    return CallReplies.createdRef(errors, info, reply);
  }

  @Override
  public void submit(CallRef ref) {
    send(CallOperation.SUBMIT, ref, Map.of(), Retrier.Repeat.ONLY_IF_NOT_SENT);
  }

  @Override
  public String toString() {
    return "AsmClient[" + base + ", " + tokens + "]";
  }

  private void send(
      CallOperation operation, CallRef ref, Map<String, ?> fields, Retrier.Repeat repeat) {
    PlannedRequest planned = plan(operation, ref, fields);
    RequestInfo info = RequestInfo.of(operation, ref, planned);
    retrier.run(repeat, info.purpose(), attempt -> api.once(info, planned));
  }

  private PlannedRequest plan(CallOperation operation, CallRef ref, Map<String, ?> fields) {
    return AsmRequests.plan(base, operation, require(ref, "call reference"), fields);
  }

  private boolean isThisUser(CallLockedException held) {
    return username != null && held.holder().map(username::equalsIgnoreCase).orElse(false);
  }

  private static <T> T require(T value, String name) {
    if (value == null) {
      throw new InvalidInputException("The " + name + " is missing: give one.");
    }
    return value;
  }

  /**
   * Collects the settings of an {@link AsmClient}; {@link #build()} checks them all. Give exactly
   * one source of tokens: {@link #bearerToken}, {@link #passwordLogin} or {@link #tokens}.
   */
  public static final class Builder {

    private final AsmBaseUrl base;
    private String bearerToken;
    private String clientId;
    private String username;
    private char[] password;
    private String scope;
    private char[] clientSecret;
    private TokenPort tokens;
    private HttpClient httpClient;
    private Duration connectTimeout;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private KeyStore trustStore;
    private RetryPolicy retry = RetryPolicy.defaults();
    private ExchangeListener listener = ExchangeListener.none();
    private TimeSource time = TimeSource.system();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder(AsmBaseUrl base) {
      this.base = base;
    }

    /** Uses a fixed bearer token (its value alone, without {@code Bearer }). */
    public Builder bearerToken(String token) {
      this.bearerToken = require(token, "bearer token");
      return this;
    }

    /**
     * Logs in with a user name and password through an ASM API client. The password is copied; the
     * caller may wipe its array afterwards.
     */
    public Builder passwordLogin(String clientId, String username, char[] password) {
      this.clientId = require(clientId, "API client id");
      this.username = require(username, "user name");
      this.password = require(password, "password").clone();
      return this;
    }

    /** The login scope, {@value AsmClient#DEFAULT_SCOPE} unless given; with a password login. */
    public Builder scope(String scope) {
      this.scope = require(scope, "scope");
      return this;
    }

    /** The API client's secret, when it has one; with a password login. Copied. */
    public Builder clientSecret(char[] secret) {
      this.clientSecret = require(secret, "client secret").clone();
      return this;
    }

    /** Takes tokens from any supplier, such as a secret store. */
    public Builder tokens(TokenPort tokens) {
      this.tokens = require(tokens, "token supplier");
      return this;
    }

    /**
     * Sends every request through this client (for example one built with a proxy); its own connect
     * timeout, proxy and TLS settings apply, so {@link #connectTimeout} and {@link #trustStore}
     * cannot be given with it.
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = require(client, "HTTP client");
      return this;
    }

    /** The longest time to open a connection; 5 seconds unless given. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = require(timeout, "connect timeout");
      return this;
    }

    /** The longest wait for the reply to one request; 30 seconds unless given. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = require(timeout, "read timeout");
      return this;
    }

    /**
     * Trusts the certificates in {@code trustStore} (a company CA) instead of the JVM's default
     * ones. There is deliberately no way to trust every certificate.
     */
    public Builder trustStore(KeyStore trustStore) {
      this.trustStore = require(trustStore, "trust store");
      return this;
    }

    /** How transient failures are repeated; {@link RetryPolicy#defaults()} unless given. */
    public Builder retry(RetryPolicy policy) {
      this.retry = require(policy, "retry policy");
      return this;
    }

    /** Told of every HTTP exchange; nobody unless given. */
    public Builder exchangeListener(ExchangeListener listener) {
      this.listener = require(listener, "exchange listener");
      return this;
    }

    /** The clock for token expiry and retry pauses; for tests. */
    Builder timeSource(TimeSource time) {
      this.time = time;
      return this;
    }

    /** The source of jitter, between 0 and 1; for tests. */
    Builder random(DoubleSupplier random) {
      this.random = random;
      return this;
    }

    /**
     * Checks the settings and makes the client. Sends nothing.
     *
     * @throws InvalidInputException when the settings are incomplete or contradict each other; the
     *     message names the setting and the fix
     */
    public AsmClient build() {
      checkTokenSource();
      checkTimeout(readTimeout, "read timeout");
      if (connectTimeout != null) {
        checkTimeout(connectTimeout, "connect timeout");
      }
      HttpClient http = httpClient != null ? checkSuppliedClient() : defaultHttpClient();

      Redactor redactor = new Redactor();
      ErrorMapper errors = new ErrorMapper(redactor);
      Retrier retrier = new Retrier(retry, time, random);
      HttpExchange exchange = new HttpExchange(new JdkHttpTransport(http), readTimeout, listener);
      TokenPort supplier = tokenSupplier(exchange, errors, retrier, redactor);
      String user = supplier instanceof PasswordLogin login ? login.username() : null;

      return new AsmClient(
          base, supplier, user, new ApiCaller(exchange, supplier, errors), errors, retrier);
    }

    private void checkTokenSource() {
      int sources =
          (bearerToken != null ? 1 : 0) + (password != null ? 1 : 0) + (tokens != null ? 1 : 0);
      if (sources == 0) {
        throw new InvalidInputException(
            "No credentials for ASM: give a bearer token, a password login (client id, user name,"
                + " password) or a token supplier.");
      }
      if (sources > 1) {
        throw new InvalidInputException(
            "More than one source of credentials for ASM: give only one of a bearer token, a"
                + " password login and a token supplier.");
      }
      if (password == null && (scope != null || clientSecret != null)) {
        throw new InvalidInputException(
            "A scope or client secret was given without a password login: they apply only to a"
                + " password login, so give one or remove them.");
      }
      if (password != null) {
        if (clientId.isBlank()) {
          throw new InvalidInputException(
              "The API client id is empty: give the client id of the ASM API client the login"
                  + " goes through.");
        }
        if (username.isBlank()) {
          throw new InvalidInputException("The ASM user name is empty: give the user to log in.");
        }
        if (password.length == 0) {
          throw new InvalidInputException(
              "The password of ASM user '" + username + "' is empty: give the password.");
        }
        if (scope != null && scope.isBlank()) {
          throw new InvalidInputException(
              "The login scope is empty: leave it out to use " + DEFAULT_SCOPE + ".");
        }
      }
    }

    private TokenPort tokenSupplier(
        HttpExchange exchange, ErrorMapper errors, Retrier retrier, Redactor redactor) {
      if (tokens != null) {
        return tokens;
      }
      if (bearerToken != null) {
        AccessToken token = AccessToken.of(bearerToken);
        redactor.remember(token.value());
        return new FixedToken(token);
      }
      return new PasswordLogin(
          base,
          clientId.strip(),
          username.strip(),
          password,
          scope == null ? DEFAULT_SCOPE : scope.strip(),
          clientSecret,
          exchange,
          errors,
          retrier,
          time,
          redactor);
    }

    private HttpClient checkSuppliedClient() {
      if (trustStore != null) {
        throw new InvalidInputException(
            "Both an HTTP client and a trust store were given: set the trust store on the HTTP"
                + " client you build (its SSLContext), or let AsmClient build the HTTP client.");
      }
      if (connectTimeout != null) {
        throw new InvalidInputException(
            "Both an HTTP client and a connect timeout were given: set the connect timeout on the"
                + " HTTP client you build, or let AsmClient build the HTTP client.");
      }
      return httpClient;
    }

    /**
     * HTTP/1.1, no redirects (a redirected PUT would be a surprise; a redirect is reported), the
     * JVM's proxy settings, and the trust store when given. HTTP/1.1 because some proxies handle
     * the plain-text HTTP/2 upgrade badly, and ASM sees only a few requests per job.
     */
    private HttpClient defaultHttpClient() {
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout);
      ProxySelector proxies = ProxySelector.getDefault();
      if (proxies != null) {
        builder.proxy(proxies);
      }
      if (trustStore != null) {
        builder.sslContext(sslContext(trustStore));
      }
      return builder.build();
    }

    private static SSLContext sslContext(KeyStore trustStore) {
      try {
        TrustManagerFactory trust =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new InvalidInputException(
            "The trust store cannot be used ("
                + e.getClass().getSimpleName()
                + "): give a loaded KeyStore holding the CA certificates to trust.",
            null,
            0,
            null,
            e);
      }
    }

    private static void checkTimeout(Duration timeout, String name) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new InvalidInputException(
            "The " + name + " must be positive, not " + timeout + ": for example PT30S.");
      }
    }
  }
}
