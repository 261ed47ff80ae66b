package io.asmkit.feign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = new Redactor();

  @Test
  void masksSecretsItWasToldOf() {
    redactor.remember("short-pw");

    assertThat(redactor.redact("the password short-pw is wrong"))
        .isEqualTo("the password **** is wrong");
  }

  @Test
  void masksSecretsItWasToldOfAsFormsAndJsonEchoThem() {
    redactor.remember("p\"w&d!");

    assertThat(redactor.redact("got p%22w%26d%21 and \\\"p\\\"w&d!\\\" and p\"w&d!"))
        .isEqualTo("got **** and \\\"****\\\" and ****");
  }

  @Test
  void masksTokenFieldsInJsonAndForms() {
    assertThat(redactor.redact("{\"access_token\":\"abc\",\"refresh_token\": \"def\"}"))
        .isEqualTo("{\"access_token\":\"****\",\"refresh_token\": \"****\"}");
    assertThat(redactor.redact("grant_type=password&password=x1&client_secret=y2"))
        .isEqualTo("grant_type=password&password=****&client_secret=****");
  }

  @Test
  void masksBearerHeadersAndJwts() {
    assertThat(redactor.redact("Authorization: Bearer abc.def"))
        .isEqualTo("Authorization: Bearer ****");
    assertThat(redactor.redact("got eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig here"))
        .isEqualTo("got **** here");
  }

  @Test
  void masksLongRunsThatMixLettersAndDigitsButKeepsWordsAndPaths() {
    assertThat(redactor.redact("key 0123456789abcdefABCDEF0123456789xyz end"))
        .isEqualTo("key **** end");
    assertThat(redactor.redact("Call 1234 is Open and not locked by you: lock it first."))
        .isEqualTo("Call 1234 is Open and not locked by you: lock it first.");
    assertThat(redactor.redact("see /production/alemba.api/api/v2/call/1234/lock"))
        .isEqualTo("see /production/alemba.api/api/v2/call/1234/lock");
  }
}
