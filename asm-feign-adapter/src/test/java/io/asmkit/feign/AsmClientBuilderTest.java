package io.asmkit.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.asmkit.feign.Wire.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.asmkit.core.domain.AccessToken;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.ServerUnavailableException;
import io.asmkit.core.port.out.TokenPort;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder refuses bad settings before sending anything, and uses the transport it is given. */
class AsmClientBuilderTest {

  @RegisterExtension static WireMockExtension wm = Wire.server();

  private static final CallRef REF = CallRef.of(1000);

  private static AsmClient.Builder builder() {
    return AsmClient.builder("https://asm.example.org/production");
  }

  @Test
  void refusesAClientWithoutCredentials() {
    assertThatThrownBy(() -> builder().build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("No credentials");
  }

  @Test
  void refusesTwoSourcesOfCredentials() {
    assertThatThrownBy(
            () ->
                builder()
                    .bearerToken("abc")
                    .passwordLogin("client", "analyst", "pw".toCharArray())
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("only one");
  }

  @Test
  void refusesABearerTokenWithSpaces() {
    assertThatThrownBy(() -> builder().bearerToken("Bearer abc").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("without 'Bearer '");
  }

  @Test
  void refusesAScopeWithoutPasswordLogin() {
    assertThatThrownBy(() -> builder().bearerToken("abc").scope("session-type:User").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("without a password login");
  }

  @Test
  void refusesAnEmptyPasswordNamingTheUser() {
    assertThatThrownBy(() -> builder().passwordLogin("client", "analyst", new char[0]).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("password of ASM user 'analyst' is empty");
  }

  @Test
  void refusesAnEmptyClientId() {
    assertThatThrownBy(() -> builder().passwordLogin(" ", "analyst", "pw".toCharArray()).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("API client id is empty");
  }

  @Test
  void refusesATimeoutThatIsNotPositive() {
    assertThatThrownBy(() -> builder().bearerToken("abc").readTimeout(Duration.ZERO).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("read timeout must be positive");
  }

  @Test
  void refusesATrustStoreOrConnectTimeoutBesideASuppliedHttpClient() throws Exception {
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);

    assertThatThrownBy(
            () ->
                builder()
                    .bearerToken("abc")
                    .httpClient(HttpClient.newHttpClient())
                    .trustStore(empty)
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("set the trust store on the HTTP client");
    assertThatThrownBy(
            () ->
                builder()
                    .bearerToken("abc")
                    .httpClient(HttpClient.newHttpClient())
                    .connectTimeout(Duration.ofSeconds(2))
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("set the connect timeout on the HTTP client");
  }

  @Test
  void refusesAMissingSetting() {
    assertThatThrownBy(() -> builder().retry(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("retry policy is missing");
  }

  @Test
  void refusesATokenThatCannotGoInAHeaderWithoutShowingIt() {
    AsmClient.Builder builder =
        AsmClient.builder(Wire.baseUrl(wm)).bearerToken("s\u20acret-token-value");

    // AccessToken refuses it (visible ASCII only), so the JDK never quotes it in a header error.
    assertThatThrownBy(() -> builder.build().lock(REF))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("ret-token-value");

    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void sendsEveryRequestThroughTheSuppliedHttpClient() {
    wm.stubFor(put(urlEqualTo(API + "call/1000/lock")).willReturn(noContent()));
    RecordingProxySelector proxies = new RecordingProxySelector();
    HttpClient supplied = HttpClient.newBuilder().proxy(proxies).build();

    AsmClient.builder(Wire.baseUrl(wm))
        .bearerToken(Wire.TOKEN)
        .httpClient(supplied)
        .build()
        .lock(REF);

    assertThat(proxies.asked)
        .extracting(URI::getPath)
        .containsExactly("/sandbox/alemba.api/api/v2/call/1000/lock");
  }

  @Test
  void tellsTheListenerOfEachExchangeWithoutHeadersOrBodies() {
    wm.stubFor(put(urlEqualTo(API + "call/1000/lock")).willReturn(noContent()));
    wm.stubFor(
        put(urlEqualTo(API + "call/1000/unlock"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    List<String> seen = new CopyOnWriteArrayList<>();
    AsmClient client =
        Wire.client(wm, new Wire.FakeTime())
            .exchangeListener(
                (method, path, status, duration) -> {
                  assertThat(duration).isPositive();
                  seen.add(method + " " + path + " " + status);
                })
            .build();

    client.lock(REF);
    assertThatThrownBy(() -> client.unlock(REF)).isInstanceOf(ServerUnavailableException.class);

    assertThat(seen)
        .containsExactly(
            "PUT /sandbox/alemba.api/api/v2/call/1000/lock 204",
            "PUT /sandbox/alemba.api/api/v2/call/1000/unlock 0");
  }

  @Test
  void usesAGivenTokenSupplier() {
    wm.stubFor(put(urlEqualTo(API + "call/1000/lock")).willReturn(noContent()));
    TokenPort vault =
        new TokenPort() {
          @Override
          public AccessToken current() {
            return AccessToken.of("from-the-vault");
          }

          @Override
          public void rejected(AccessToken token) {}
        };

    AsmClient client = AsmClient.builder(Wire.baseUrl(wm)).tokens(vault).build();
    client.lock(REF);

    assertThat(client.tokens()).isSameAs(vault);
    wm.verify(
        com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlEqualTo(API + "call/1000/lock"))
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer from-the-vault")));
  }

  /** Sends directly, and remembers which addresses it was asked about. */
  private static final class RecordingProxySelector extends ProxySelector {
    final List<URI> asked = new CopyOnWriteArrayList<>();

    @Override
    public List<Proxy> select(URI uri) {
      asked.add(uri);
      return List.of(Proxy.NO_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
  }
}
