package io.asmkit.cli;

import io.asmkit.core.domain.AccessDeniedException;
import io.asmkit.core.domain.ActionNotAllowedException;
import io.asmkit.core.domain.AuthenticationException;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallNotFoundException;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.OperationInterruptedException;
import io.asmkit.core.domain.RequestRejectedException;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.domain.UnexpectedReplyException;
import io.asmkit.core.domain.UnlockFailedException;

/** The exit codes of {@code asm}, and the one place that maps a failure to its code and name. */
final class ExitCodes {

  /** The command did what was asked. */
  static final int OK = 0;

  /** An unexpected failure, or one the server refused for a reason not listed below. */
  static final int FAILURE = 1;

  /** Invalid usage or input, refused before any request was sent. */
  static final int USAGE = 2;

  /** ASM refused the credentials or the token. */
  static final int AUTHENTICATION = 3;

  /** The call does not exist, or the user may not see it. */
  static final int NOT_FOUND = 4;

  /** The call is locked by someone else. */
  static final int LOCKED = 5;

  /** ASM could not be reached or could not serve (5xx, timeout, connection refused). */
  static final int UNAVAILABLE = 6;

  /** {@code with-lock}: the command could not be started (not found or not executable). */
  static final int COMMAND_NOT_STARTED = 127;

  /** Interrupted by Ctrl-C (128 + SIGINT), as shells report it. */
  static final int INTERRUPTED = 130;

  /** The table printed at the end of every {@code --help}; docs/cli.md repeats it. */
  static final String[] HELP_LIST = {
    "0:success",
    "1:unexpected failure, or a request ASM refused for another reason",
    "2:invalid usage or input (nothing was sent)",
    "3:authentication failed",
    "4:call not found",
    "5:call locked by someone else",
    "6:ASM unavailable (5xx, timeout, connection refused)",
    "127:with-lock: the command could not be started",
    "130:interrupted (Ctrl-C)",
    "N:with-lock: the command's own exit code when it fails (137 if killed by SIGKILL)",
  };

  private ExitCodes() {}

  /** The exit code for a failure; an unlock failure counts as its last failure. */
  static int of(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof InvalidInputException) {
      return USAGE;
    }
    if (cause instanceof AuthenticationException) {
      return AUTHENTICATION;
    }
    if (cause instanceof CallNotFoundException) {
      return NOT_FOUND;
    }
    if (cause instanceof CallLockedException) {
      return LOCKED;
    }
    if (cause instanceof ServerUnavailableException) {
      return UNAVAILABLE;
    }
    if (cause instanceof OperationInterruptedException) {
      return INTERRUPTED;
    }
    return FAILURE;
  }

  /** The snake-case name of a failure, as {@code --json} reports it in {@code error.type}. */
  static String typeOf(Throwable failure) {
    if (failure instanceof UnlockFailedException) {
      return "unlock_failed";
    }
    if (failure instanceof InvalidInputException) {
      return "invalid_input";
    }
    if (failure instanceof AuthenticationException) {
      return "authentication_failed";
    }
    if (failure instanceof CallNotFoundException) {
      return "call_not_found";
    }
    if (failure instanceof CallLockedException) {
      return "call_locked";
    }
    if (failure instanceof ServerUnavailableException) {
      return "asm_unavailable";
    }
    if (failure instanceof OperationInterruptedException) {
      return "interrupted";
    }
    if (failure instanceof AccessDeniedException) {
      return "access_denied";
    }
    if (failure instanceof ActionNotAllowedException) {
      return "action_not_allowed";
    }
    if (failure instanceof RequestRejectedException) {
      return "request_rejected";
    }
    if (failure instanceof UnexpectedReplyException) {
      return "unexpected_reply";
    }
    return "unexpected";
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current instanceof UnlockFailedException unlock && unlock.getCause() != null) {
      current = unlock.lastFailure();
    }
    return current;
  }
}
