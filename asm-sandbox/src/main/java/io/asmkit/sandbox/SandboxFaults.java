package io.asmkit.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Fault injection: makes the next matching requests fail in a chosen way, before the sandbox looks
 * at their credentials. Safe to use from several threads.
 */
public final class SandboxFaults {

  private final List<Rule> rules = new ArrayList<>();

  SandboxFaults() {}

  /**
   * Plays {@code fault} for the next {@code count} requests with this method whose path (without
   * query) matches {@code pathRegex}. Rules are tried in the order they were added; each matching
   * request uses up one of its rule's count. The path is matched with {@link
   * java.util.regex.Matcher#find()}, so {@code "call/1000/lock$"} matches {@code
   * /sandbox/alemba.api/api/v2/call/1000/lock}.
   *
   * @param count how many requests fail, at least 1
   * @param method the HTTP method, any case, or {@code "*"} for every method
   * @param pathRegex a regular expression for the path
   * @param fault what to do instead of the normal answer
   * @throws IllegalArgumentException when the count is below 1 or the expression is not valid
   */
  public synchronized void failNext(int count, String method, String pathRegex, Fault fault) {
    if (count < 1) {
      throw new IllegalArgumentException("The fault's count must be at least 1, not " + count);
    }
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(fault, "fault");
    Pattern path;
    try {
      path = Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex"));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "The fault's path expression '" + pathRegex + "' is not valid: " + e.getDescription(), e);
    }

    rules.add(new Rule(method.toUpperCase(Locale.ROOT), path, fault, count));
  }

  /** Removes every fault not yet played. */
  public synchronized void clear() {
    rules.clear();
  }

  /** How many faults are still to be played, over all rules. */
  public synchronized int pending() {
    return rules.stream().mapToInt(rule -> rule.remaining).sum();
  }

  /** Takes the fault for this request, if a rule matches it, using up one of the rule's count. */
  synchronized Optional<Fault> take(String method, String path) {
    Iterator<Rule> candidates = rules.iterator();
    while (candidates.hasNext()) {
      Rule rule = candidates.next();
      if (rule.matches(method, path)) {
        rule.remaining--;
        if (rule.remaining == 0) {
          candidates.remove();
        }
        return Optional.of(rule.fault);
      }
    }
    return Optional.empty();
  }

  /** One installed fault and how many more requests it applies to. */
  private static final class Rule {
    private final String method;
    private final Pattern path;
    private final Fault fault;
    private int remaining;

    Rule(String method, Pattern path, Fault fault, int remaining) {
      this.method = method;
      this.path = path;
      this.fault = fault;
      this.remaining = remaining;
    }

    boolean matches(String requestMethod, String requestPath) {
      boolean methodMatches = method.equals("*") || method.equalsIgnoreCase(requestMethod);
      return methodMatches && path.matcher(requestPath).find();
    }
  }
}
