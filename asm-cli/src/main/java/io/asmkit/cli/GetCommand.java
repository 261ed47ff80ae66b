package io.asmkit.cli;

import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallRef;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code asm get REF}: prints a call's fields. */
@Command(name = "get", description = "Print a call's fields.")
final class GetCommand extends CallCommand {

  @Parameters(paramLabel = "REF", description = "The call's number, such as 1234.")
  String ref;

  GetCommand(CliContext context) {
    super(context);
  }

  @Override
  int execute(Console console) {
    CallRef callRef = ref(ref);
    Session session = open(console);

    Call call = session.service().get(callRef);

    console.put("callRef", callRef.value());
    if (session.plannedAnything()) {
      session.reportPlan(console);
      return console.succeed();
    }
    console.put("call", call.fields());
    console.say("Call " + callRef);
    for (Map.Entry<String, Object> field : call.fields().entrySet()) {
      if (!field.getKey().startsWith("_") && !field.getKey().equals("Ref")) {
        console.say("  " + field.getKey() + ": " + show(field.getValue()));
      }
    }
    return console.succeed();
  }

  private static String show(Object value) {
    if (value instanceof Map || value instanceof Iterable) {
      return Console.toJson(value);
    }
    String text = String.valueOf(value).replaceAll("[\\r\\n]+", " ⏎ ");
    return text.length() <= 200 ? text : text.substring(0, 199) + "…";
  }
}
