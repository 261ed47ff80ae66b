package io.asmkit.feign;

import java.net.URI;

/**
 * One HTTP request as {@link AsmClient} would send it, without the {@code Authorization} header:
 * what a dry run shows.
 *
 * @param method the HTTP method, such as {@code PUT}
 * @param uri the absolute address
 * @param jsonBody the JSON body, or {@code null} when the request has none
 */
public record PlannedRequest(String method, URI uri, String jsonBody) {

  /** The path of the address, as logged: {@code /production/alemba.api/api/v2/call/1/lock}. */
  public String path() {
    return uri.getRawPath();
  }

  /** {@code PUT https://…/call/1234 {"CallStatus":3}}: the method, address and any body. */
  @Override
  public String toString() {
    return method + " " + uri + (jsonBody == null ? "" : " " + jsonBody);
  }
}
