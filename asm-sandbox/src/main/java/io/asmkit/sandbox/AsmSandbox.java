package io.asmkit.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.inmemory.InMemoryAsm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local, stateful imitation of the part of ASM's REST API the toolkit uses: login with expiring,
 * refreshable tokens, and calls that can be read, locked, updated, unlocked, forwarded, deferred,
 * closed, created and submitted, under the rules of asm-core's {@link InMemoryAsm}.
 *
 * <p>Start one in-process with {@link #builder()} (or the JUnit 5 {@link AsmSandboxExtension}), or
 * from the command line with {@code asm sandbox --port 8089}. It listens on 127.0.0.1 only, under
 * {@link #baseUrl()} ({@code http://127.0.0.1:PORT/sandbox}), answers unknown addresses with 404,
 * and records every request ({@link #requests()}).
 *
 * <p>Why the JDK's own {@code com.sun.net.httpserver.HttpServer}: it needs no dependency (the
 * sandbox ships inside the CLI and is used by every module's tests), it is enough for a loopback
 * test server, and it lets a handler close a connection without replying, which {@link
 * Fault#reset()} needs. It runs handlers on a bounded pool of {@value #THREADS} threads, so that
 * slow answers ({@link Builder#latency(Duration)}, {@link Fault#delay(Duration)}) do not serialize
 * concurrent requests, while a flood of requests cannot create threads without end. WireMock was
 * not used: it answers from stubs and cannot hold the state of calls, locks and tokens.
 *
 * <p>Thread safety: every method may be called from any thread while requests are being served.
 */
public final class AsmSandbox implements AutoCloseable {

  /** How many requests are served at the same time. */
  static final int THREADS = 32;

  /** The JDK HTTP server's switch for TCP_NODELAY on accepted connections. */
  private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;
  private final InMemoryAsm model;
  private final UserDirectory users;
  private final TokenStore tokens;
  private final RequestLog log;
  private final SandboxFaults faults;
  private final SandboxHandler handler;
  private final URI baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);

  private AsmSandbox(Builder builder, InMemoryAsm model, UserDirectory users) throws IOException {
    this.model = model;
    this.users = users;
    this.tokens =
        new TokenStore(builder.clock, builder.accessTokenLifetime, builder.refreshTokenLifetime);
    this.log = new RequestLog(RequestLog.DEFAULT_CAPACITY);
    this.faults = new SandboxFaults();
    this.handler = new SandboxHandler(model, users, tokens, log, faults, builder.latency);

    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port);
    sendRepliesWithoutDelay();
    this.server = HttpServer.create(address, 0);
    this.executor = newExecutor();
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();

    this.baseUrl =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + WireFormat.SYSTEM_PATH);
  }

  /**
   * Asks the JDK's HTTP server to send replies at once (TCP_NODELAY). Without it, the server writes
   * a reply's headers and body separately, Nagle's algorithm holds the second write until the
   * client acknowledges the first, and the client delays that acknowledgement: every request to the
   * sandbox then took about 20 ms on loopback with the JDK's HttpClient (measured by
   * asm-benchmarks' CycleBenchmark: 59 ms per lock, update and unlock cycle, 6 ms with this).
   *
   * <p>The JDK reads the setting once, when its first HTTP server is created; a value set on the
   * command line ({@code -Dsun.net.httpserver.nodelay=false}) is left alone.
   */
  private static void sendRepliesWithoutDelay() {
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
  }

  /** Starts configuring a sandbox: a free port, sample data, ASM's documented token lifetimes. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base address of the sandbox's system, {@code http://127.0.0.1:PORT/sandbox}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The port the sandbox listens on. */
  public int port() {
    return baseUrl.getPort();
  }

  /** The state: calls, stages, locks and status titles, to arrange and inspect in tests. */
  public InMemoryAsm model() {
    return model;
  }

  /**
   * Adds a user who may log in through API client {@code clientId}, or replaces the user's password
   * and client id.
   *
   * @throws InvalidInputException when a value is empty
   */
  public void addUser(String username, String password, String clientId) {
    users.add(username, password, clientId);
  }

  /**
   * Every request received, oldest first, with the status answered. Only the latest {@value
   * RequestLog#DEFAULT_CAPACITY} are kept, so that a long-running sandbox does not fill memory.
   */
  public List<RecordedRequest> requests() {
    return log.snapshot();
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    log.clear();
  }

  /** How many password logins succeeded so far; refreshes do not count. */
  public int loginCount() {
    return handler.loginCount();
  }

  /** Makes every access token issued so far expired: the next API request with one gets 401. */
  public void expireAccessTokens() {
    tokens.expireAccessTokens();
  }

  /** Makes every refresh token issued so far expired: a refresh with one gets invalid_grant. */
  public void expireRefreshTokens() {
    tokens.expireRefreshTokens();
  }

  /** Fault injection for the next requests. */
  public SandboxFaults faults() {
    return faults;
  }

  /** Blocks until {@link #close()} is called, for a sandbox run from the command line. */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  /**
   * Stops the sandbox at once: open connections are closed and requests being answered are dropped.
   * Calling it again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.stop(0);
      executor.shutdownNow();
    } finally {
      terminated.countDown();
    }
  }

  @Override
  public String toString() {
    return "AsmSandbox[" + baseUrl + "]";
  }

  private static ExecutorService newExecutor() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        runnable -> {
          Thread thread = new Thread(runnable, "asm-sandbox-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** Configures and starts a sandbox. A builder may start several sandboxes. */
  public static final class Builder {

    private int port;
    private Duration accessTokenLifetime = Duration.ofMinutes(10);
    private Duration refreshTokenLifetime = Duration.ofHours(24);
    private Duration latency = Duration.ZERO;
    private Boolean sampleData;
    private Path data;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The port on 127.0.0.1 to listen on; 0 (the default) picks a free one.
     *
     * @throws InvalidInputException when the port is not between 0 and 65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new InvalidInputException(
            "Port " + port + " is not valid: use a number from 1 to 65535, or 0 for a free port.");
      }
      this.port = port;
      return this;
    }

    /**
     * How long an access token works; ASM documents 10 minutes (the default).
     *
     * @throws InvalidInputException when the lifetime is not positive
     */
    public Builder accessTokenLifetime(Duration lifetime) {
      this.accessTokenLifetime = positive("accessTokenLifetime", lifetime);
      return this;
    }

    /**
     * How long a refresh token works; ASM documents 24 hours (the default).
     *
     * @throws InvalidInputException when the lifetime is not positive
     */
    public Builder refreshTokenLifetime(Duration lifetime) {
      this.refreshTokenLifetime = positive("refreshTokenLifetime", lifetime);
      return this;
    }

    /**
     * A delay added to every reply, to imitate a remote server (default none).
     *
     * @throws InvalidInputException when the latency is negative
     */
    public Builder latency(Duration latency) {
      if (latency == null || latency.isNegative()) {
        throw new InvalidInputException(
            "The sandbox latency " + latency + " is not valid: use zero or a positive duration.");
      }
      this.latency = latency;
      return this;
    }

    /**
     * Whether to load the built-in sample data: users {@code analyst} and {@code jsmith}, calls
     * 1000 to 1004. By default it is loaded unless a {@link #data(Path) data file} is given; set it
     * to {@code true} to load both (the sample first).
     */
    public Builder sampleData(boolean sampleData) {
      this.sampleData = sampleData;
      return this;
    }

    /** A JSON file of users, status titles and calls to load; see {@code docs/sandbox.md}. */
    public Builder data(Path file) {
      this.data = Objects.requireNonNull(file, "file");
      return this;
    }

    /** The clock tokens expire by (default the system clock); tests pass one they can move. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Loads the data and starts listening.
     *
     * @throws InvalidInputException when the data file is missing or wrong, naming the file and the
     *     problem
     * @throws UncheckedIOException when the port cannot be opened, such as when it is in use
     */
    public AsmSandbox start() {
      List<SandboxData> sets = new ArrayList<>();
      if (sampleData == null ? data == null : sampleData) {
        sets.add(SandboxData.sample());
      }
      if (data != null) {
        sets.add(SandboxData.read(data));
      }

      InMemoryAsm model = new InMemoryAsm(statusTitles(sets), firstRef(sets));
      UserDirectory users = new UserDirectory();
      sets.forEach(set -> set.applyTo(model, users));

      try {
        return new AsmSandbox(this, model, users);
      } catch (BindException e) {
        throw new UncheckedIOException(
            "The sandbox cannot listen on 127.0.0.1:"
                + port
                + ": the port is in use. Choose"
                + " another port, or 0 for a free one.",
            e);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "The sandbox cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
      }
    }

    private static Map<Integer, String> statusTitles(List<SandboxData> sets) {
      Map<Integer, String> titles = new TreeMap<>();
      sets.forEach(set -> titles.putAll(set.statusTitles()));
      return titles.isEmpty() ? InMemoryAsm.defaultStatusTitles() : titles;
    }

    private static long firstRef(List<SandboxData> sets) {
      return sets.stream()
          .map(SandboxData::firstRef)
          .filter(Objects::nonNull)
          .findFirst()
          .orElse(1000L);
    }

    private static Duration positive(String name, Duration lifetime) {
      if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
        throw new InvalidInputException(
            "The sandbox's " + name + " " + lifetime + " is not valid: use a positive duration.");
      }
      return lifetime;
    }
  }
}
