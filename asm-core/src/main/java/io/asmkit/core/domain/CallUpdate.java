package io.asmkit.core.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, non-empty set of changes to a call's fields, with every rich-text field sent
 * together with its HTML companion.
 *
 * <p>Build one with {@link #builder()}:
 *
 * <pre>{@code
 * CallUpdate update = CallUpdate.builder()
 *     .description("Deployed build 512 to production")
 *     .status(3)
 *     .field("CustomString1", "release-2026.12")
 *     .build();
 * }</pre>
 *
 * <p>Rich-text fields are {@code Description}, any field whose {@code Html} companion is set, and
 * the fields named with {@link Builder#richText(String...)}. Given only the plain text of such a
 * field, the HTML is derived from it ({@link RichText#toHtml}); given only the HTML, the update is
 * refused, naming the missing field; given both, both are kept as given.
 */
public final class CallUpdate implements Serializable {

  private static final long serialVersionUID = 1L;

  private final LinkedHashMap<String, Object> fields;

  private CallUpdate(LinkedHashMap<String, Object> fields) {
    this.fields = fields;
  }

  /** Starts an empty update. */
  public static Builder builder() {
    return new Builder();
  }

  /** The fields to send, by ASM name, in a stable order, HTML companions beside their fields. */
  public Map<String, Object> fields() {
    return Collections.unmodifiableMap(fields);
  }

  /** The names of the fields to send. */
  public Set<String> fieldNames() {
    return Collections.unmodifiableSet(fields.keySet());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CallUpdate && ((CallUpdate) other).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "CallUpdate" + fields;
  }

  /** Collects field changes; {@link #build()} checks them and makes the update. */
  public static final class Builder {

    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    private final Set<String> richTextFields = new LinkedHashSet<>(Set.of(FieldNames.DESCRIPTION));

    private Builder() {}

    /** Sets the description as plain text; its HTML is derived unless also given. */
    public Builder description(String text) {
      return field(FieldNames.DESCRIPTION, requireText(FieldNames.DESCRIPTION, text));
    }

    /** Sets the HTML of the description; the plain text must be given too. */
    public Builder descriptionHtml(String html) {
      String name = FieldNames.htmlOf(FieldNames.DESCRIPTION);
      return field(name, requireText(name, html));
    }

    /**
     * Sets the call status by its number in the site's list of status titles.
     *
     * @throws InvalidInputException when {@code statusId} is not positive
     */
    public Builder status(int statusId) {
      if (statusId <= 0) {
        throw new InvalidInputException(
            "Call status "
                + statusId
                + " is not valid: give the positive number of a status in your ASM system.");
      }
      return field(FieldNames.CALL_STATUS, statusId);
    }

    /**
     * Sets any field by its ASM name.
     *
     * @param value a {@link String}, {@link Integer}, {@link Long}, {@link BigDecimal} or {@link
     *     Boolean}
     * @throws InvalidInputException when the name is not a valid field name, the value is of
     *     another type, the field was already set, or {@code CallStatus} is not a positive whole
     *     number
     */
    public Builder field(String name, Object value) {
      FieldNames.requireValid(name);
      if (!(value instanceof String
          || value instanceof Integer
          || value instanceof Long
          || value instanceof BigDecimal
          || value instanceof Boolean)) {
        throw new InvalidInputException(
            "Field "
                + name
                + " has a value of type "
                + typeName(value)
                + ": use text, a whole number, a decimal or true/false.");
      }
      if (name.equals(FieldNames.CALL_STATUS)) {
        requireStatusNumber(value);
      }
      if (values.containsKey(name)) {
        throw new InvalidInputException(
            "Field " + name + " is set twice in one update: give it once.");
      }
      values.put(name, value);
      return this;
    }

    /** Declares more rich-text fields, whose HTML companion is derived when not given. */
    public Builder richText(String... names) {
      return richText(java.util.List.of(names));
    }

    /** Declares more rich-text fields, whose HTML companion is derived when not given. */
    public Builder richText(Collection<String> names) {
      for (String name : names) {
        richTextFields.add(FieldNames.requireValid(name));
      }
      return this;
    }

    /**
     * Checks the changes and makes the update.
     *
     * @throws InvalidInputException when nothing is set, or an HTML companion is set without its
     *     plain field, or a rich-text field has a value that is not text
     */
    public CallUpdate build() {
      if (values.isEmpty()) {
        throw new InvalidInputException(
            "The update is empty: set at least one field, for example the description.");
      }
      LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : values.entrySet()) {
        String name = entry.getKey();
        if (FieldNames.isHtmlCompanion(name) && !values.containsKey(FieldNames.plainOf(name))) {
          throw new InvalidInputException(
              "Field "
                  + name
                  + " is set without "
                  + FieldNames.plainOf(name)
                  + ": ASM keeps rich text in pairs, so set "
                  + FieldNames.plainOf(name)
                  + " too (its plain-text version).");
        }
        if (FieldNames.isHtmlCompanion(name)) {
          continue;
        }
        fields.put(name, entry.getValue());
        if (isRichText(name)) {
          fields.put(FieldNames.htmlOf(name), htmlFor(name, entry.getValue()));
        }
      }
      return new CallUpdate(fields);
    }

    private boolean isRichText(String name) {
      return richTextFields.contains(name) || values.containsKey(FieldNames.htmlOf(name));
    }

    private Object htmlFor(String name, Object plain) {
      Object given = values.get(FieldNames.htmlOf(name));
      if (given != null) {
        requireText(FieldNames.htmlOf(name), given);
        return given;
      }
      return RichText.toHtml(requireText(name, plain));
    }

    /** The same rule as {@link #status(int)}, for a status set by name. */
    private static void requireStatusNumber(Object value) {
      boolean wholeNumber = value instanceof Integer || value instanceof Long;
      long number = wholeNumber ? ((Number) value).longValue() : 0;
      if (number <= 0 || number > Integer.MAX_VALUE) {
        throw new InvalidInputException(
            "Field CallStatus has the value '"
                + Text.singleLine(String.valueOf(value), 40)
                + "': give the positive number of a status in your ASM system, for example 3.");
      }
    }

    /** A type name a person can read: "a list", not the JDK's internal "List12". */
    private static String typeName(Object value) {
      if (value == null) {
        return "null";
      }
      if (value instanceof java.util.Collection) {
        return "list";
      }
      if (value instanceof Map) {
        return "map";
      }
      return value.getClass().getSimpleName();
    }

    private static String requireText(String name, Object value) {
      if (!(value instanceof String)) {
        throw new InvalidInputException(
            "Field "
                + name
                + " is rich text: give it as text, not "
                + Objects.toString(value)
                + ".");
      }
      return (String) value;
    }
  }
}
