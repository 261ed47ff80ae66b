package io.asmkit.core.architecture.violating.service;

import io.asmkit.core.architecture.violating.domain.DomainUsingService;

/** A service that uses the domain, as it may; with {@link DomainUsingService} it makes a cycle. */
public final class ServiceUsingDomain {

  /** Names itself. */
  public String name() {
    return "service";
  }

  /** Uses the domain. */
  public DomainUsingService domain() {
    return new DomainUsingService();
  }
}
