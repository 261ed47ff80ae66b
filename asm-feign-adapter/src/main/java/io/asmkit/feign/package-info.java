/**
 * The HTTP adapter of the ASM toolkit: {@link io.asmkit.feign.AsmClient} implements the core's
 * {@link io.asmkit.core.port.out.CallPort} over ASM's REST API, with Feign's request and response
 * model over a {@link java.net.http.HttpClient}, Jackson for JSON and SLF4J for logging.
 *
 * <p>Public: {@link io.asmkit.feign.AsmClient}, {@link io.asmkit.feign.AsmBaseUrl}, {@link
 * io.asmkit.feign.RetryPolicy}, {@link io.asmkit.feign.ExchangeListener}, {@link
 * io.asmkit.feign.AsmRequests}, {@link io.asmkit.feign.PlannedRequest}, {@link
 * io.asmkit.feign.FixedToken} and {@link io.asmkit.feign.PasswordLogin}. Everything else is
 * package-private.
 *
 * <p>How much of Feign: its {@code Client}, {@code Request} and {@code Response} carry every
 * exchange, over a {@code java.net.http.HttpClient} the caller may supply. Feign's annotated
 * interfaces are not used, because {@link io.asmkit.feign.AsmRequests} must stay the one place
 * where each request's method, path and body are decided (dry runs print the same plans), and
 * because token refresh, retries and error mapping each need the operation's context, which lives
 * in {@code ApiCaller}, {@code Retrier} and {@code ErrorMapper}.
 *
 * <p>Where the API's shapes are assumed rather than documented, each lives in one class and says
 * so: requests in {@link io.asmkit.feign.AsmRequests}, login and refresh in {@code TokenEndpoint},
 * replies in {@code CallReplies}, error bodies in {@code ErrorMapper}.
 */
package io.asmkit.feign;
