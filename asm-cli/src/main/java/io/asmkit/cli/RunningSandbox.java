package io.asmkit.cli;

import io.asmkit.core.inmemory.InMemoryAsm;
import io.asmkit.sandbox.SampleLogin;
import java.net.URI;

/** A sandbox started by the CLI: where it listens and what it holds. Closing it stops it. */
interface RunningSandbox extends AutoCloseable {

  /**
   * The sample user, password and API client id the sandbox's sample data holds (see
   * docs/sandbox.md). The password is the sandbox's published sample password, not a secret.
   */
  SampleLogin SAMPLE = SampleLogin.analyst();

  /** The base address, such as {@code http://127.0.0.1:8089/sandbox}. */
  URI baseUrl();

  /** The sandbox's state. */
  InMemoryAsm model();

  /** Stops the sandbox. */
  @Override
  void close();
}
