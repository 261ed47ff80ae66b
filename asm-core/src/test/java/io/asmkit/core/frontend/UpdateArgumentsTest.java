package io.asmkit.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateArgumentsTest {

  @Test
  void derivesTheHtmlOfAPlainDescription() {
    CallUpdate update = UpdateArguments.toUpdate("Deployed 1.2 <ok>", null, null, null);

    assertThat(update.fields())
        .containsExactly(
            entry("Description", "Deployed 1.2 <ok>"),
            entry("DescriptionHtml", "Deployed 1.2 &lt;ok&gt;"));
  }

  @Test
  void keepsAGivenHtmlDescription() {
    CallUpdate update = UpdateArguments.toUpdate("Deployed", "<b>Deployed</b>", null, null);

    assertThat(update.fields()).containsEntry("DescriptionHtml", "<b>Deployed</b>");
  }

  @Test
  void refusesHtmlWithoutThePlainDescription() {
    assertThatThrownBy(() -> UpdateArguments.toUpdate(null, "<b>x</b>", null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'descriptionHtml'")
        .hasMessageContaining("'description'");
  }

  @Test
  void readsTheStatusAsNumberOrDigits() {
    assertThat(UpdateArguments.toUpdate(null, null, 3, null).fields())
        .containsEntry("CallStatus", 3);
    assertThat(UpdateArguments.toUpdate(null, null, "4", null).fields())
        .containsEntry("CallStatus", 4);
    assertThat(UpdateArguments.toUpdate(null, null, 5L, null).fields())
        .containsEntry("CallStatus", 5);
  }

  @Test
  void refusesAStatusThatIsNotAPositiveNumberNamingIt() {
    assertThatThrownBy(() -> UpdateArguments.toUpdate(null, null, "Resolved", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'status' is 'Resolved'");
    assertThatThrownBy(() -> UpdateArguments.toUpdate(null, null, 0, null))
        .hasMessageContaining("'status'");
    assertThatThrownBy(() -> UpdateArguments.toUpdate(null, null, 1.5, null))
        .hasMessageContaining("'status'");
  }

  @Test
  void narrowsScriptValuesOfOtherFields() {
    Map<Object, Object> fields = new LinkedHashMap<>();
    fields.put("CustomString1", new StringBuilder("release-7"));
    fields.put("Urgency", (short) 2);
    fields.put("Impact", BigInteger.valueOf(3));
    fields.put("CustomDecimal1", 2.5d);
    fields.put("CustomFlag1", true);
    fields.put("CustomAmount1", new BigDecimal("10.25"));

    CallUpdate update = UpdateArguments.toUpdate(null, null, null, fields);

    assertThat(update.fields())
        .containsExactly(
            entry("CustomString1", "release-7"),
            entry("Urgency", 2),
            entry("Impact", 3L),
            entry("CustomDecimal1", new BigDecimal("2.5")),
            entry("CustomFlag1", true),
            entry("CustomAmount1", new BigDecimal("10.25")));
  }

  @Test
  void refusesFieldValuesItCannotSendNamingTheField() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("Urgency", null);
    assertThatThrownBy(() -> UpdateArguments.toUpdate(null, null, null, withNull))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Parameter 'fields': ")
        .hasMessageContaining("Urgency has no value");
    assertThatThrownBy(
            () -> UpdateArguments.toUpdate(null, null, null, Map.of("Urgency", Map.of("a", 1))))
        .hasMessageContaining("Field Urgency has a value of type");
    assertThatThrownBy(
            () -> UpdateArguments.toUpdate(null, null, null, Map.of("Urgency", Double.NaN)))
        .hasMessageContaining("Urgency is not a number");
  }

  @Test
  void refusesBadFieldNamesAndKeysThatAreNotText() {
    assertThatThrownBy(() -> UpdateArguments.toUpdate(null, null, null, Map.of("urgency", 2)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Parameter 'fields': ")
        .hasMessageContaining("'urgency'");
    assertThatThrownBy(() -> UpdateArguments.toUpdate(null, null, null, Map.of(7, 2)))
        .hasMessageContaining("key that is not text (7)");
  }

  @Test
  void refusesTheSameFieldGivenTwice() {
    assertThatThrownBy(() -> UpdateArguments.toUpdate(null, null, 3, Map.of("CallStatus", 4)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CallStatus is set twice");
  }

  @Test
  void refusesAnEmptyUpdateSayingWhatToGive() {
    assertThatThrownBy(() -> UpdateArguments.toUpdate(null, null, null, Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Nothing to update")
        .hasMessageContaining("'description', 'status' or 'fields'");
  }
}
