/**
 * Helpers that every driving adapter (pipeline steps, command lines) shares: they turn loosely
 * typed user arguments into domain values with errors that name the argument, and outcomes into
 * plain result maps and one-line messages. Nothing here knows a front end; nothing here logs.
 */
package io.asmkit.core.frontend;
