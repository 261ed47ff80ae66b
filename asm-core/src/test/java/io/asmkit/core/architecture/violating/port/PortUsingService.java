package io.asmkit.core.architecture.violating.port;

import io.asmkit.core.architecture.violating.service.ServiceUsingDomain;

/** Breaks the rule on purpose: a port that names a use-case implementation. */
public interface PortUsingService {

  /** Returns the service, which a port must not know. */
  ServiceUsingDomain service();
}
