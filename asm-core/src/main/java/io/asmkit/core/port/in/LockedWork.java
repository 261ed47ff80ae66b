package io.asmkit.core.port.in;

/**
 * Work to run while a call is locked.
 *
 * @param <T> what the work returns
 * @param <E> what the work may throw
 */
@FunctionalInterface
public interface LockedWork<T, E extends Exception> {

  /** Runs the work on the locked call. */
  T run(LockedCall call) throws E;
}
