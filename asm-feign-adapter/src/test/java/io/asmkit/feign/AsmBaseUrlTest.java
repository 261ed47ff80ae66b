package io.asmkit.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.InvalidInputException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsmBaseUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://asm.example.org/production",
        "https://asm.example.org/production/",
        "  https://asm.example.org/production//  ",
        "HTTPS://asm.example.org/production"
      })
  void derivesTheApiAndLoginAddressesWithOrWithoutTrailingSlash(String url) {
    AsmBaseUrl base = AsmBaseUrl.parse(url);

    assertThat(base.uri()).isEqualTo(URI.create("https://asm.example.org/production"));
    assertThat(base.apiRoot())
        .isEqualTo(URI.create("https://asm.example.org/production/alemba.api/api/v2/"));
    assertThat(base.loginUri())
        .isEqualTo(URI.create("https://asm.example.org/production/alemba.web/oauth/login"));
    assertThat(base.api("call/12/lock"))
        .isEqualTo(URI.create("https://asm.example.org/production/alemba.api/api/v2/call/12/lock"));
  }

  @Test
  void keepsThePortOfALocalServer() {
    AsmBaseUrl base = AsmBaseUrl.parse("http://127.0.0.1:8123/sandbox");

    assertThat(base.loginUri().toString())
        .isEqualTo("http://127.0.0.1:8123/sandbox/alemba.web/oauth/login");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://asm.example.org/production", "asm.example.org/production"})
  void rejectsAddressesThatAreNotHttp(String url) {
    assertThatThrownBy(() -> AsmBaseUrl.parse(url))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'" + url + "'")
        .hasMessageContaining("must start with https://");
  }

  @Test
  void rejectsUserInfoWithoutEchoingThePassword() {
    assertThatThrownBy(() -> AsmBaseUrl.parse("https://analyst:s3cret-pw@asm.example.org/prod"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("https://****@asm.example.org/prod")
        .hasMessageContaining("user name or password")
        .hasMessageNotContaining("s3cret-pw")
        .hasMessageNotContaining("analyst");
  }

  @Test
  void rejectsAQuery() {
    assertThatThrownBy(() -> AsmBaseUrl.parse("https://asm.example.org/production?x=1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has a query");
  }

  @Test
  void rejectsAFragment() {
    assertThatThrownBy(() -> AsmBaseUrl.parse("https://asm.example.org/production#top"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has a fragment");
  }

  @Test
  void rejectsAnEmptyAddress() {
    assertThatThrownBy(() -> AsmBaseUrl.parse(" "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty")
        .hasMessageContaining("https://asm.example.org/production");
  }

  @Test
  void rejectsAnAddressInsideTheApi() {
    assertThatThrownBy(() -> AsmBaseUrl.parse("https://asm.example.org/prod/alemba.api/api/v2"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("points inside the API");
  }

  @Test
  void rejectsText() {
    assertThatThrownBy(() -> AsmBaseUrl.parse("https://asm example org"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not a valid URL");
  }
}
