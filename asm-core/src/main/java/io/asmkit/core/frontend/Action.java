package io.asmkit.core.frontend;

import java.util.Locale;

/** What a front end asked ASM to do, as named in result maps and console lines. */
public enum Action {
  /** Lock a call. */
  LOCK("locked"),
  /** Unlock a call. */
  UNLOCK("unlocked"),
  /** Change fields of a call. */
  UPDATE("updated"),
  /** Read a call. */
  GET("read");

  private final String pastTense;

  Action(String pastTense) {
    this.pastTense = pastTense;
  }

  /** The verb, such as {@code lock}. */
  public String verb() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The verb in the past tense, such as {@code locked}. */
  public String pastTense() {
    return pastTense;
  }
}
