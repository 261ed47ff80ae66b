package io.asmkit.cli;

import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that describe an update: description, status and any field. */
final class UpdateOptions {

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      description = "New description (plain text; its HTML is derived unless given).")
  String description;

  @Option(
      names = "--description-html",
      paramLabel = "HTML",
      description = "HTML of the new description; needs --description too (ASM keeps both).")
  String descriptionHtml;

  @Option(
      names = "--status",
      paramLabel = "N",
      description =
          "New call status: its number in your ASM system, or a title listed in"
              + " ASM_STATUS_TITLES (such as Deployed=5,Resolved=6).")
  String status;

  @Option(
      names = "--field",
      paramLabel = "Name=Value",
      description =
          "Set any field by its ASM name, repeatable. Name=Value sets text; Name:=Value sets a"
              + " number or true/false (Urgency:=2).")
  List<String> fields = new ArrayList<>();

  /** Whether no update option was given. */
  boolean isEmpty() {
    return description == null && descriptionHtml == null && status == null && fields.isEmpty();
  }

  /**
   * Builds the update.
   *
   * @throws io.asmkit.core.domain.InvalidInputException when an option is not valid, or none was
   *     given
   */
  CallUpdate build(Map<String, String> env) {
    CallUpdate.Builder update = CallUpdate.builder();
    if (description != null) {
      update.description(description);
    }
    if (descriptionHtml != null) {
      if (description == null) {
        throw new InvalidInputException(
            "--description-html needs --description too: ASM keeps the plain text and the HTML"
                + " of a description together.");
      }
      update.descriptionHtml(descriptionHtml);
    }
    if (status != null) {
      update.status(StatusTitles.from(env).resolve(status));
    }
    for (String text : fields) {
      FieldArgument field = FieldArgument.parse(text);
      update.field(field.name(), field.value());
    }
    return update.build();
  }
}
