package io.asmkit.core.domain;

/** The operations a client performs on calls, as named in plans and logs. */
public enum CallOperation {
  /** Read a call. */
  GET(false),
  /** Lock a call. */
  LOCK(true),
  /** Change fields of a call. */
  UPDATE(true),
  /** Unlock a call. */
  UNLOCK(true),
  /** Forward a call, which releases its lock. */
  FORWARD(true),
  /** Defer a call, which releases its lock. */
  DEFER(true),
  /** Close a call, which releases its lock. */
  CLOSE(true),
  /** Create a call. */
  CREATE(true),
  /** Submit a New call. */
  SUBMIT(true);

  private final boolean changesCall;

  CallOperation(boolean changesCall) {
    this.changesCall = changesCall;
  }

  /** Whether the operation changes anything on the server. */
  public boolean changesCall() {
    return changesCall;
  }

  /** The operation that performs {@code kind}. */
  public static CallOperation of(CallAction.Kind kind) {
    return switch (kind) {
      case FORWARD -> FORWARD;
      case DEFER -> DEFER;
      case CLOSE -> CLOSE;
    };
  }
}
