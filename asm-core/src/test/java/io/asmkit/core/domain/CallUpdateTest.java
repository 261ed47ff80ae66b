package io.asmkit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Field changes: typed helpers, names, value types, rich-text pairs and immutability. */
class CallUpdateTest {

  @Test
  void derivesTheDescriptionHtmlFromItsPlainText() {
    CallUpdate update = CallUpdate.builder().description("Deployed build 512").build();

    assertThat(update.fields())
        .containsExactly(
            entry("Description", "Deployed build 512"),
            entry("DescriptionHtml", "Deployed build 512"));
  }

  @Test
  void escapesHtmlSpecialCharactersInTheDerivedHtml() {
    CallUpdate update =
        CallUpdate.builder().description("a & b < c > d \"e\" 'f' <script>").build();

    assertThat(update.fields())
        .containsEntry("Description", "a & b < c > d \"e\" 'f' <script>")
        .containsEntry(
            "DescriptionHtml", "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; &lt;script&gt;");
  }

  @Test
  void keepsEveryKindOfLineBreakAsOneBreakInTheDerivedHtml() {
    CallUpdate update = CallUpdate.builder().description("unix\nwindows\r\nold mac\rend").build();

    assertThat(update.fields())
        .containsEntry("DescriptionHtml", "unix<br>windows<br>old mac<br>end");
  }

  @Test
  void keepsBlankLinesAsSeveralBreaks() {
    assertThat(RichText.toHtml("a\n\nb\r\n\r\nc\r\rd\n\re"))
        .isEqualTo("a<br><br>b<br><br>c<br><br>d<br><br>e");
    assertThat(RichText.toHtml("ends with\r")).isEqualTo("ends with<br>");
  }

  @Test
  void keepsTheDescriptionAndItsHtmlAsGivenWhenBothAreSet() {
    CallUpdate update =
        CallUpdate.builder()
            .descriptionHtml("<p>Deployed <b>512</b></p>")
            .description("Deployed 512")
            .build();

    assertThat(update.fields())
        .containsExactly(
            entry("Description", "Deployed 512"),
            entry("DescriptionHtml", "<p>Deployed <b>512</b></p>"));
  }

  @Test
  void refusesTheDescriptionHtmlWithoutTheDescriptionNamingTheMissingField() {
    CallUpdate.Builder builder = CallUpdate.builder().descriptionHtml("<p>x</p>");

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("DescriptionHtml is set without Description")
        .hasMessageContaining("set Description too");
  }

  @Test
  void refusesAnyHtmlCompanionWithoutItsPlainField() {
    CallUpdate.Builder builder =
        CallUpdate.builder().status(3).field("ResolutionHtml", "<p>fixed</p>");

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ResolutionHtml is set without Resolution")
        .hasMessageContaining("set Resolution too");
  }

  @Test
  void treatsAFieldWhoseHtmlIsSetAsRichTextAndKeepsBoth() {
    CallUpdate update =
        CallUpdate.builder()
            .field("ResolutionHtml", "<p>fixed</p>")
            .field("Resolution", "fixed")
            .build();

    assertThat(update.fields())
        .containsExactly(entry("Resolution", "fixed"), entry("ResolutionHtml", "<p>fixed</p>"));
  }

  @Test
  void derivesTheHtmlOfFieldsDeclaredRichText() {
    CallUpdate update =
        CallUpdate.builder()
            .richText("Resolution")
            .richText(List.of("CustomMemo1"))
            .field("Resolution", "fixed <db>\nrestarted")
            .field("CustomMemo1", "x & y")
            .build();

    assertThat(update.fields())
        .containsExactly(
            entry("Resolution", "fixed <db>\nrestarted"),
            entry("ResolutionHtml", "fixed &lt;db&gt;<br>restarted"),
            entry("CustomMemo1", "x & y"),
            entry("CustomMemo1Html", "x &amp; y"));
  }

  @Test
  void sendsOtherFieldsWithoutHtml() {
    CallUpdate update = CallUpdate.builder().field("Resolution", "fixed <db>").build();

    assertThat(update.fields()).containsExactly(entry("Resolution", "fixed <db>"));
  }

  @Test
  void refusesToDeclareAnInvalidRichTextField() {
    assertThatThrownBy(() -> CallUpdate.builder().richText("resolution"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'resolution'");
  }

  @Test
  void refusesARichTextFieldWhoseValueIsNotText() {
    CallUpdate.Builder builder = CallUpdate.builder().richText("Resolution").field("Resolution", 5);

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Resolution is rich text")
        .hasMessageContaining("as text");
  }

  @Test
  void refusesAnHtmlCompanionWhoseValueIsNotText() {
    CallUpdate.Builder builder =
        CallUpdate.builder().description("x").field("DescriptionHtml", Boolean.TRUE);

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("DescriptionHtml is rich text");
  }

  @Test
  void refusesANullDescription() {
    assertThatThrownBy(() -> CallUpdate.builder().description(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Description");
    assertThatThrownBy(() -> CallUpdate.builder().descriptionHtml(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("DescriptionHtml");
  }

  @Test
  void setsTheStatusAsANumber() {
    CallUpdate update = CallUpdate.builder().status(3).build();

    assertThat(update.fields()).containsExactly(entry("CallStatus", 3));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void refusesAStatusThatIsNotPositive(int status) {
    assertThatThrownBy(() -> CallUpdate.builder().status(status))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Call status " + status)
        .hasMessageContaining("positive number");
  }

  @Test
  void refusesAStatusSetByNameThatIsNotAPositiveWholeNumber() {
    assertThatThrownBy(() -> CallUpdate.builder().field("CallStatus", 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("CallStatus")
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> CallUpdate.builder().field("CallStatus", -4L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> CallUpdate.builder().field("CallStatus", 3_000_000_000L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'3000000000'");
    assertThatThrownBy(() -> CallUpdate.builder().field("CallStatus", new BigDecimal("3")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> CallUpdate.builder().field("CallStatus", "In Progress"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'In Progress'")
        .hasMessageContaining("positive");
  }

  @Test
  void acceptsAStatusSetByNameAsAPositiveWholeNumber() {
    assertThat(CallUpdate.builder().field("CallStatus", 4).build().fields())
        .containsExactly(entry("CallStatus", 4));
    assertThat(CallUpdate.builder().field("CallStatus", 4L).build().fields())
        .containsExactly(entry("CallStatus", 4L));
  }

  @Test
  void acceptsTextWholeNumbersDecimalsAndBooleans() {
    CallUpdate update =
        CallUpdate.builder()
            .field("CustomString1", "release-2026.12")
            .field("Urgency", 2)
            .field("ConfigurationItemId", 12_345_678_901L)
            .field("CustomDecimal1", new BigDecimal("12.50"))
            .field("CustomFlag1", true)
            .build();

    assertThat(update.fields())
        .containsExactly(
            entry("CustomString1", "release-2026.12"),
            entry("Urgency", 2),
            entry("ConfigurationItemId", 12_345_678_901L),
            entry("CustomDecimal1", new BigDecimal("12.50")),
            entry("CustomFlag1", true));
  }

  @Test
  void refusesOtherValueTypesNamingTheFieldAndTheType() {
    assertThatThrownBy(() -> CallUpdate.builder().field("Urgency", 2.5d))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Field Urgency has a value of type Double")
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> CallUpdate.builder().field("Urgency", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("type null");
    assertThatThrownBy(() -> CallUpdate.builder().field("Location", List.of(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Field Location has a value of type list:")
        .hasMessageNotContaining("List12");
    assertThatThrownBy(() -> CallUpdate.builder().field("Location", Map.of("Id", 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Location");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lowercase",
        "With Space",
        "Drop;Table",
        "_actions",
        "Ref-1",
        "Émoji",
        "Description\n",
        "1Field"
      })
  void refusesInvalidFieldNamesNamingThemAndTheExpectedForm(String name) {
    assertThatThrownBy(() -> CallUpdate.builder().field(name, "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PascalCase")
        .hasMessageContaining("for example CustomString1")
        .satisfies(e -> assertThat(e.getMessage()).contains(name.strip()).doesNotContain("\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void refusesEmptyFieldNames(String name) {
    assertThatThrownBy(() -> CallUpdate.builder().field(name, "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("field name is empty");
  }

  @Test
  void acceptsNamesUpTo64CharactersAndRefusesLonger() {
    String longest = "F" + "a".repeat(63);
    String tooLong = "F" + "a".repeat(64);

    assertThat(CallUpdate.builder().field(longest, 1).build().fieldNames())
        .containsExactly(longest);
    assertThatThrownBy(() -> CallUpdate.builder().field(tooLong, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(tooLong)
        .hasMessageContaining("at most 64");
  }

  @Test
  void cutsAHugeFieldNameInTheMessage() {
    String huge = "x".repeat(10_000);

    assertThatThrownBy(() -> CallUpdate.builder().field(huge, 1))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
  }

  @Test
  void refusesAFieldSetTwice() {
    assertThatThrownBy(() -> CallUpdate.builder().field("Urgency", 1).field("Urgency", 2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Field Urgency is set twice");
    assertThatThrownBy(() -> CallUpdate.builder().description("a").field("Description", "b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Field Description is set twice");
    assertThatThrownBy(() -> CallUpdate.builder().status(1).status(2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Field CallStatus is set twice");
  }

  @Test
  void refusesAnEmptyUpdate() {
    assertThatThrownBy(() -> CallUpdate.builder().build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("The update is empty")
        .hasMessageContaining("set at least one field");
    assertThatThrownBy(() -> CallUpdate.builder().richText("Resolution").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("The update is empty");
  }

  @Test
  void keepsFieldsInTheOrderSetWithEachHtmlCompanionBesideItsField() {
    CallUpdate update =
        CallUpdate.builder()
            .field("Urgency", 2)
            .field("ResolutionHtml", "<p>r</p>")
            .status(3)
            .description("d")
            .field("Impact", 1)
            .field("Resolution", "r")
            .field("CustomString1", "c")
            .build();

    assertThat(update.fieldNames())
        .containsExactly(
            "Urgency",
            "CallStatus",
            "Description",
            "DescriptionHtml",
            "Impact",
            "Resolution",
            "ResolutionHtml",
            "CustomString1");
    assertThat(update.fields().keySet()).containsExactlyElementsOf(update.fieldNames());
  }

  @Test
  void cannotBeChangedThroughItsFields() {
    CallUpdate update = CallUpdate.builder().description("d").build();

    assertThatThrownBy(() -> update.fields().put("Urgency", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> update.fields().remove("Description"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> update.fieldNames().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(update.fields()).hasSize(2);
  }

  @Test
  void isNotChangedByReusingItsBuilder() {
    CallUpdate.Builder builder = CallUpdate.builder().field("Urgency", 1);
    CallUpdate first = builder.build();

    CallUpdate second = builder.field("Impact", 2).build();

    assertThat(first.fields()).containsExactly(entry("Urgency", 1));
    assertThat(second.fields()).containsExactly(entry("Urgency", 1), entry("Impact", 2));
  }

  @Test
  void equalsAnUpdateWithTheSameFields() {
    CallUpdate one = CallUpdate.builder().description("d").status(3).build();
    CallUpdate same = CallUpdate.builder().description("d").status(3).build();
    CallUpdate other = CallUpdate.builder().description("d").status(4).build();

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
    assertThat(one.toString()).contains("Description=d").contains("CallStatus=3");
  }
}
