package io.asmkit.cli;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start the sandbox.
 *
 * @param port the port, 0 for a free one
 * @param data a JSON file of users, status titles and calls, or {@code null} for the sample data
 * @param accessTokenLifetime how long the access tokens it issues live, or {@code null} for its
 *     default
 */
record SandboxSettings(int port, Path data, Duration accessTokenLifetime) {}
