package io.asmkit.sandbox;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs one {@link AsmSandbox} for a test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static AsmSandboxExtension sandbox = new AsmSandboxExtension();
 *
 * @Test
 * void locksTheCall() {
 *   URI base = sandbox.get().baseUrl();
 *   ...
 * }
 * }</pre>
 *
 * <p>Registered on a static field, the sandbox starts before the first test of the class (and its
 * nested classes) and stops after the last. Registered on an instance field, it starts and stops
 * around each test. Before each test the recorded requests and pending faults are cleared; the
 * calls, locks, users and tokens are kept, so tests that need a fresh state should use calls of
 * their own ({@code sandbox.get().model().addCall(...)}).
 */
public final class AsmSandboxExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private final AsmSandbox.Builder builder;
  private AsmSandbox sandbox;
  private int classDepth;
  private boolean startedForTest;

  /** Runs a sandbox with the defaults: a free port and the sample data. */
  public AsmSandboxExtension() {
    this(AsmSandbox.builder());
  }

  /** Runs a sandbox configured by {@code builder}, such as one with a short token lifetime. */
  public AsmSandboxExtension(AsmSandbox.Builder builder) {
    this.builder = Objects.requireNonNull(builder, "builder");
  }

  /**
   * The running sandbox.
   *
   * @throws IllegalStateException outside a test, when the sandbox is not running
   */
  public synchronized AsmSandbox get() {
    if (sandbox == null) {
      throw new IllegalStateException(
          "The ASM sandbox is not running: use it from a test, with the extension registered by"
              + " @RegisterExtension.");
    }
    return sandbox;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (classDepth++ == 0) {
      sandbox = builder.start();
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (--classDepth == 0) {
      stop();
    }
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    if (sandbox == null) {
      sandbox = builder.start();
      startedForTest = true;
    }
    sandbox.clearRequests();
    sandbox.faults().clear();
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    if (startedForTest) {
      startedForTest = false;
      stop();
    }
  }

  private void stop() {
    if (sandbox != null) {
      sandbox.close();
      sandbox = null;
    }
  }
}
