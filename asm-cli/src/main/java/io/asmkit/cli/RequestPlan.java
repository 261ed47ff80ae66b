package io.asmkit.cli;

/**
 * A request a dry run would send, as the HTTP client would build it.
 *
 * @param method the HTTP method
 * @param uri the absolute address
 * @param jsonBody the JSON body, or {@code null} when the request has none
 */
record RequestPlan(String method, String uri, String jsonBody) {}
