package io.asmkit.sandbox;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.FieldNames;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.core.inmemory.InMemoryAsm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Users, status titles and calls to load into a sandbox, read from JSON: the built-in sample data
 * or a {@code --data} file. The format is described in {@code docs/sandbox.md}.
 *
 * <p>Every error names the source and the place in it ({@code calls[2].fields}), says what is wrong
 * and how to fix it, and never quotes a password.
 */
final class SandboxData {

  /** The classpath resource holding the default users and calls. */
  static final String SAMPLE_RESOURCE = "sample-data.json";

  /** The user as whom calls from the data are created and closed; never a login. */
  private static final String LOADER = "sandbox-data";

  private static final Set<String> TOP_KEYS =
      Set.of("users", "statusTitles", "calls", "firstRef", "richTextFields");
  private static final Set<String> USER_KEYS = Set.of("username", "password", "clientId");
  private static final Set<String> CALL_KEYS = Set.of("stage", "lockedBy", "fields");

  private final String source;
  private final Map<Integer, String> statusTitles;
  private final Long firstRef;
  private final List<String> richTextFields;
  private final List<UserEntry> users;
  private final List<CallEntry> calls;

  private SandboxData(
      String source,
      Map<Integer, String> statusTitles,
      Long firstRef,
      List<String> richTextFields,
      List<UserEntry> users,
      List<CallEntry> calls) {
    this.source = source;
    this.statusTitles = statusTitles;
    this.firstRef = firstRef;
    this.richTextFields = richTextFields;
    this.users = users;
    this.calls = calls;
  }

  /** One user to add. */
  private record UserEntry(String where, String username, String password, String clientId) {}

  /** One call to add, with its stage and lock holder. */
  private record CallEntry(
      String where, CallStage stage, String lockedBy, Map<String, Object> fields) {}

  /** The first user of the built-in sample data, the one to sign in as. */
  SampleLogin sampleLogin() {
    UserEntry first = users.get(0);
    return new SampleLogin(first.username(), first.password(), first.clientId());
  }

  /** The built-in sample data: users {@code analyst} and {@code jsmith}, calls 1000 to 1004. */
  static SandboxData sample() {
    try (InputStream in = SandboxData.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The sandbox's sample data is missing from its jar.");
      }
      SandboxData sample = parse("The sandbox's sample data", in.readAllBytes());
      if (sample.statusTitles.isEmpty()) {
        sample.statusTitles.putAll(InMemoryAsm.defaultStatusTitles());
      }
      return sample;
    } catch (IOException e) {
      throw new IllegalStateException("The sandbox's sample data cannot be read.", e);
    }
  }

  /**
   * Reads a data file.
   *
   * @throws InvalidInputException when the file is missing, unreadable, not valid JSON or not in
   *     the format; the message names the file and the problem
   */
  static SandboxData read(Path file) {
    String source = "Sandbox data file " + file;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          source
              + " does not exist. Give the path of a JSON file with users, statusTitles and"
              + " calls (see docs/sandbox.md).");
    } catch (IOException e) {
      throw new InvalidInputException(
          source
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + "). Check that it is a"
              + " readable file, not a directory.");
    }
    return parse(source, bytes);
  }

  /** Parses JSON data; {@code source} names it in errors ("Sandbox data file x.json"). */
  static SandboxData parse(String source, byte[] json) {
    JsonNode root;
    try {
      root = WireFormat.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      // Only the place: Jackson's own message may quote the file's text, passwords included.
      JsonLocation at = e.getLocation();
      String place =
          at == null ? "" : " near line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InvalidInputException(
          source
              + " is not valid JSON"
              + place
              + ": fix the syntax there (a missing comma,"
              + " quote or bracket, or a key given twice).");
    } catch (IOException e) {
      throw new InvalidInputException(source + " cannot be read as JSON: " + e.getClass());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(
          source
              + " does not hold a JSON object: write {\"users\": [...], \"statusTitles\":"
              + " {...}, \"calls\": [...]}.");
    }

    Reader reader = new Reader(source);
    reader.onlyKeys(root, "", TOP_KEYS);
    return new SandboxData(
        source,
        reader.statusTitles(root.get("statusTitles")),
        reader.firstRef(root.get("firstRef")),
        reader.richTextFields(root.get("richTextFields")),
        reader.users(root.get("users")),
        reader.calls(root.get("calls")));
  }

  /**
   * The status titles given, by number; empty when the data gives none. The sample data has {@link
   * InMemoryAsm#defaultStatusTitles()}.
   */
  Map<Integer, String> statusTitles() {
    return statusTitles;
  }

  /** The number of the first call, when the data gives one. */
  Long firstRef() {
    return firstRef;
  }

  /**
   * Adds the users and calls to the sandbox. Calls are created through the model's own rules (valid
   * field names, rich text in pairs, known status numbers), then submitted, closed and locked as
   * the data says.
   *
   * @throws InvalidInputException naming the source and the call or user that is wrong
   */
  void applyTo(InMemoryAsm model, UserDirectory directory) {
    richTextFields.forEach(model::addRichTextField);
    for (UserEntry user : users) {
      directory.add(user.username(), user.password(), user.clientId());
    }

    for (CallEntry call : calls) {
      try {
        CallRef ref = model.create(LOADER, call.fields());
        if (call.stage() != CallStage.NEW) {
          model.submit(LOADER, ref);
        }
        if (call.stage() == CallStage.CLOSED) {
          model.perform(LOADER, ref, CallAction.of(CallAction.Kind.CLOSE));
        }
        if (call.lockedBy() != null) {
          model.forceLock(ref, call.lockedBy());
        }
      } catch (AsmException e) {
        String problem = e.getMessage().replaceFirst("^The request is invalid: ", "");
        throw new InvalidInputException(source + ", " + call.where() + ".fields: " + problem);
      }
    }
  }

  /** Reads the parts of the data, naming the place of every problem. */
  private static final class Reader {

    private final String source;

    Reader(String source) {
      this.source = source;
    }

    Map<Integer, String> statusTitles(JsonNode node) {
      Map<Integer, String> titles = new LinkedHashMap<>();
      if (node == null) {
        return titles;
      }
      requireObject(node, "statusTitles", "{\"1\": \"Logged\", \"2\": \"Assigned\"}");
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String where = "statusTitles." + entry.getKey();
        int number;
        try {
          number = Integer.parseInt(entry.getKey());
        } catch (NumberFormatException e) {
          number = 0;
        }
        if (number <= 0) {
          throw fail(where, "a status key must be a positive whole number, such as \"3\"");
        }
        titles.put(number, text(entry.getValue(), where));
      }
      return titles;
    }

    Long firstRef(JsonNode node) {
      if (node == null) {
        return null;
      }
      if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() <= 0) {
        throw fail("firstRef", "give the number of the first call as a positive whole number");
      }
      return node.asLong();
    }

    List<String> richTextFields(JsonNode node) {
      List<String> names = new ArrayList<>();
      if (node == null) {
        return names;
      }
      requireArray(node, "richTextFields", "[\"Resolution\"]");
      for (int i = 0; i < node.size(); i++) {
        String where = "richTextFields[" + i + "]";
        String name = text(node.get(i), where);
        try {
          FieldNames.requireValid(name);
        } catch (InvalidInputException e) {
          throw fail(where, e.getMessage());
        }
        names.add(name);
      }
      return names;
    }

    List<UserEntry> users(JsonNode node) {
      List<UserEntry> users = new ArrayList<>();
      if (node == null) {
        return users;
      }
      requireArray(node, "users", "[{\"username\": \"analyst\", \"password\": \"…\", ...}]");
      for (int i = 0; i < node.size(); i++) {
        String where = "users[" + i + "]";
        JsonNode user = node.get(i);
        requireObject(user, where, "{\"username\": …, \"password\": …, \"clientId\": …}");
        onlyKeys(user, where + ".", USER_KEYS);
        String username = text(user.get("username"), where + ".username");
        if (users.stream().anyMatch(other -> other.username().equals(username))) {
          throw fail(where + ".username", "user '" + username + "' is given twice: give it once");
        }
        users.add(
            new UserEntry(
                where,
                username,
                secret(user.get("password"), where + ".password"),
                text(user.get("clientId"), where + ".clientId")));
      }
      return users;
    }

    List<CallEntry> calls(JsonNode node) {
      List<CallEntry> calls = new ArrayList<>();
      if (node == null) {
        return calls;
      }
      requireArray(node, "calls", "[{\"stage\": \"OPEN\", \"lockedBy\": null, \"fields\": {…}}]");
      for (int i = 0; i < node.size(); i++) {
        String where = "calls[" + i + "]";
        JsonNode call = node.get(i);
        requireObject(call, where, "{\"stage\": \"OPEN\", \"lockedBy\": null, \"fields\": {…}}");
        onlyKeys(call, where + ".", CALL_KEYS);

        CallStage stage = stage(call.get("stage"), where + ".stage");
        JsonNode holder = call.get("lockedBy");
        String lockedBy =
            holder == null || holder.isNull() ? null : text(holder, where + ".lockedBy");
        if (lockedBy != null && stage == CallStage.CLOSED) {
          throw fail(where + ".lockedBy", "a CLOSED call cannot be locked: remove lockedBy");
        }
        JsonNode fields = call.get("fields");
        if (fields == null) {
          throw fail(where + ".fields", "is missing: give the call's fields as a JSON object");
        }
        requireObject(fields, where + ".fields", "{\"Description\": …, \"DescriptionHtml\": …}");

        calls.add(new CallEntry(where, stage, lockedBy, WireFormat.toMap(fields)));
      }
      return calls;
    }

    private CallStage stage(JsonNode node, String where) {
      if (node == null || node.isNull()) {
        return CallStage.OPEN;
      }
      String name = text(node, where);
      try {
        return CallStage.valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw fail(where, "'" + name + "' is not a stage: use NEW, OPEN or CLOSED");
      }
    }

    void onlyKeys(JsonNode object, String prefix, Set<String> known) {
      Iterator<String> names = object.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!known.contains(name)) {
          throw fail(
              prefix + name,
              "is not a known key: use "
                  + String.join(", ", known.stream().sorted().toList())
                  + " (names are case-sensitive)");
        }
      }
    }

    private String text(JsonNode node, String where) {
      if (node == null || !node.isTextual() || node.asText().isBlank()) {
        throw fail(where, "give a non-empty text");
      }
      return node.asText();
    }

    private String secret(JsonNode node, String where) {
      if (node == null || !node.isTextual() || node.asText().isEmpty()) {
        throw fail(where, "give the password as a non-empty text");
      }
      return node.asText();
    }

    private void requireObject(JsonNode node, String where, String example) {
      if (!node.isObject()) {
        throw fail(where, "must be a JSON object, such as " + example);
      }
    }

    private void requireArray(JsonNode node, String where, String example) {
      if (!node.isArray()) {
        throw fail(where, "must be a JSON array, such as " + example);
      }
    }

    private InvalidInputException fail(String where, String problem) {
      String sentence = problem.endsWith(".") ? problem : problem + ".";
      return new InvalidInputException(source + ", " + where + ": " + sentence);
    }
  }
}
