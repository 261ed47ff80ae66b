package io.asmkit.core.architecture.violating.inmemory;

import io.asmkit.core.architecture.elsewhere.OurOtherModule;
import org.assertj.core.api.Assertions;

/** Breaks the rule on purpose: core code using a library and another module of ours. */
public final class InMemoryUsingLibraries {

  /** Uses a library and another module. */
  public void check() {
    Assertions.assertThat(new OurOtherModule().toString()).isNotEmpty();
  }
}
