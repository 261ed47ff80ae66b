package io.asmkit.feign;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.asmkit.feign.Wire.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.ServerUnavailableException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A company CA given as a trust store is trusted; a server nobody vouches for is refused. */
class AsmClientTlsTest {

  private static final char[] PASSWORD = "test-only".toCharArray();

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig()
                  .dynamicPort()
                  .dynamicHttpsPort()
                  .bindAddress("127.0.0.1")
                  .keystorePath(resource("tls/server.p12").toString())
                  .keystoreType("PKCS12")
                  .keystorePassword("test-only")
                  .keyManagerPassword("test-only"))
          .build();

  private static final CallRef REF = CallRef.of(1000);

  private static String httpsBase() {
    return "https://127.0.0.1:" + wm.getHttpsPort() + "/sandbox";
  }

  @Test
  void trustsAServerSignedByTheGivenTrustStore() throws Exception {
    wm.stubFor(get(urlEqualTo(API + "call/1000")).willReturn(okJson("{\"Ref\":1000}")));
    AsmClient client =
        AsmClient.builder(httpsBase()).bearerToken(Wire.TOKEN).trustStore(trustStore()).build();

    assertThat(client.get(REF).ref()).isEqualTo(REF);

    wm.verify(1, getRequestedFor(urlEqualTo(API + "call/1000")));
  }

  @Test
  void refusesAServerOutsideTheTrustStoreSayingHowToTrustIt() {
    wm.stubFor(get(urlEqualTo(API + "call/1000")).willReturn(okJson("{\"Ref\":1000}")));
    AsmClient client = AsmClient.builder(httpsBase()).bearerToken(Wire.TOKEN).build();

    assertThatThrownBy(() -> client.get(REF))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageContaining("The secure connection to ASM failed for GET /sandbox/alemba.api")
        .hasMessageContaining("give that certificate as the trust store");

    wm.verify(0, getRequestedFor(urlEqualTo(API + "call/1000")));
  }

  private static KeyStore trustStore() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = AsmClientTlsTest.class.getResourceAsStream("/tls/trust.p12")) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  private static Path resource(String name) {
    try {
      return Path.of(AsmClientTlsTest.class.getResource("/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
