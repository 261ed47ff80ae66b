package io.asmkit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Call references: what parses, what is refused and how the refusal reads. */
class CallRefTest {

  @Test
  void parsesDigits() {
    assertThat(CallRef.parse("1234").value()).isEqualTo(1234L);
  }

  @Test
  void parsesDigitsSurroundedBySpacesTabsAndNewlines() {
    assertThat(CallRef.parse("  42 ").value()).isEqualTo(42L);
    assertThat(CallRef.parse("\t42\n").value()).isEqualTo(42L);
  }

  @Test
  void parsesLeadingZeros() {
    assertThat(CallRef.parse("000123").value()).isEqualTo(123L);
    assertThat(CallRef.parse("0001")).isEqualTo(CallRef.of(1));
  }

  @Test
  void parsesTheLargestReference() {
    assertThat(CallRef.parse("9223372036854775807").value()).isEqualTo(Long.MAX_VALUE);
    assertThat(CallRef.parse("0009223372036854775807").value()).isEqualTo(Long.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "   ", "\t", "\n"})
  void refusesEmptyTextAskingForTheCallsNumber(String text) {
    assertThatThrownBy(() -> CallRef.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty")
        .hasMessageContaining("for example 1234");
  }

  @Test
  void refusesNullAsEmpty() {
    assertThatThrownBy(() -> CallRef.parse(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "000", " 0 "})
  void refusesZeroNamingItAndAskingForAPositiveNumber(String text) {
    assertThatThrownBy(() -> CallRef.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'" + text.strip() + "'")
        .hasMessageContaining("positive number");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"-5", "-1", "+5", "1.0", "12a", "1/../2", "1 OR 1=1", "0x1F", "1e3", "١٢", "１２"})
  void refusesAnythingButAsciiDigitsNamingTheInputAndTheExpectedForm(String text) {
    assertThatThrownBy(() -> CallRef.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("digits only")
        .hasMessageContaining("for example 1234");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775808", "18446744073709551616", "99999999999999999999"})
  void refusesNumbersTooLargeForAReferenceNamingTheInputAndTheExpectedForm(String text) {
    assertThatThrownBy(() -> CallRef.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("too large")
        .hasMessageContaining("for example 1234");
  }

  @Test
  void cutsAHugeRunOfDigitsInTheMessage() {
    String huge = "1".repeat(100_000);

    assertThatThrownBy(() -> CallRef.parse(huge))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("too large")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  @Test
  void cutsAHugeNonNumericInputInTheMessage() {
    String huge = "x".repeat(100_000);

    assertThatThrownBy(() -> CallRef.parse(huge))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'xxxx")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  @Test
  void cutsAHugeRunOfZerosInTheMessage() {
    String zeros = "0".repeat(100_000);

    assertThatThrownBy(() -> CallRef.parse(zeros))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("positive number")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  @Test
  void foldsLineBreaksOfTheInputInTheMessage() {
    assertThatThrownBy(() -> CallRef.parse("12\nrm -rf /"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'12 rm -rf /'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void refusesZeroAndNegativeNumbers() {
    assertThatThrownBy(() -> CallRef.of(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("0")
        .hasMessageContaining("positive number");
    assertThatThrownBy(() -> CallRef.of(-1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("-1")
        .hasMessageContaining("positive number");
    assertThatThrownBy(() -> CallRef.of(Long.MIN_VALUE)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void equalsAReferenceWithTheSameNumber() {
    CallRef parsed = CallRef.parse("77");

    assertThat(parsed).isEqualTo(CallRef.of(77)).hasSameHashCodeAs(CallRef.of(77));
    assertThat(parsed).isNotEqualTo(CallRef.of(78)).isNotEqualTo("77").isNotEqualTo(77L);
  }

  @Test
  void ordersByNumberNotByText() {
    List<CallRef> refs =
        new ArrayList<>(List.of(CallRef.of(100), CallRef.of(9), CallRef.of(20), CallRef.of(1)));

    Collections.sort(refs);

    assertThat(refs).containsExactly(CallRef.of(1), CallRef.of(9), CallRef.of(20), CallRef.of(100));
    assertThat(CallRef.of(5).compareTo(CallRef.of(5))).isZero();
  }

  @Test
  void showsTheNumberAloneAsInAsmAddresses() {
    assertThat(CallRef.parse(" 007 ")).hasToString("7");
    assertThat(CallRef.of(Long.MAX_VALUE)).hasToString("9223372036854775807");
  }

  @Test
  void survivesSerialization() throws Exception {
    CallRef ref = CallRef.of(4242);

    Object copy = deserialize(serialize(ref));

    assertThat(copy).isInstanceOf(CallRef.class).isEqualTo(ref);
  }

  @Test
  void refusesASerializedReferenceThatIsNotPositive() throws Exception {
    byte[] bytes = serialize(CallRef.of(1));
    // The long value is the last field written: overwrite it with zero.
    for (int i = bytes.length - 8; i < bytes.length; i++) {
      bytes[i] = 0;
    }

    assertThatThrownBy(() -> deserialize(bytes))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining("positive");
  }

  private static byte[] serialize(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
      objects.writeObject(value);
    }
    return out.toByteArray();
  }

  private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return objects.readObject();
    }
  }
}
