package io.asmkit.core.architecture.violating.port;

import io.asmkit.core.architecture.violating.inmemory.InMemoryUsingLibraries;

/** Breaks the rule on purpose: a port that names an in-memory implementation. */
public interface PortUsingInMemory {

  /** Returns the implementation, which a port must not know. */
  InMemoryUsingLibraries implementation();
}
