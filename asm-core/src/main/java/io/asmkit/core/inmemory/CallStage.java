package io.asmkit.core.inmemory;

/** Where a call is in its life: New until submitted, then Open, then Closed. */
public enum CallStage {
  /** Created, not yet submitted: may be updated without a lock. */
  NEW,
  /** Submitted: may be updated only while locked by the updating user. */
  OPEN,
  /** Closed: may no longer be locked or updated. */
  CLOSED
}
