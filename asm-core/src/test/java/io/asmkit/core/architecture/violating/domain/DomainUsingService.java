package io.asmkit.core.architecture.violating.domain;

import io.asmkit.core.architecture.violating.service.ServiceUsingDomain;

/** Breaks the rule on purpose: a domain class that uses a service (and so makes a cycle). */
public final class DomainUsingService {

  /** Asks the service, which the domain must not know. */
  public String ask() {
    return new ServiceUsingDomain().name();
  }
}
