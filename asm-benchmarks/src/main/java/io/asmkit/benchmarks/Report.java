package io.asmkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints the figures of one bench/run.sh run and their ratios against the targets: {@code Report
 * RESULTS_DIR}. Reads the JMH results ({@code cycle.json}, {@code scaling-t1.json} …), the cold
 * start timings ({@code cold.json}, hyperfine's format) and {@code xmx32.txt}.
 */
public final class Report {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  private Report(Path dir) {
    this.dir = dir;
  }

  /** Prints the report of the results in {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    new Report(Path.of(args[0])).print();
  }

  private void print() throws IOException {
    System.out.println("| figure | value | target | ratio | verdict |");
    System.out.println("|---|---|---|---|---|");
    cycle();
    coldStart();
    memory();
    scaling();
  }

  private void cycle() throws IOException {
    Path file = dir.resolve("cycle.json");
    if (!Files.exists(file)) {
      return;
    }
    JsonNode results = JSON.readTree(file.toFile());
    double adapter = score(results, "adapter");
    double service = score(results, "serviceRunLocked");
    double bare = score(results, "bareHttpClient");
    double bareAsync = score(results, "bareHttpClientAsync");
    row(
        "lock+update+unlock, bare HttpClient",
        us(bare, error(results, "bareHttpClient")),
        "",
        "",
        "");
    if (bareAsync > 0) {
      row(
          "lock+update+unlock, bare HttpClient, sendAsync + get(timeout)",
          us(bareAsync, error(results, "bareHttpClientAsync")),
          "(info)",
          ratio(bareAsync / bare),
          "");
    }
    row(
        "lock+update+unlock, AsmClient",
        us(adapter, error(results, "adapter")),
        "≤ 1.10 × bare",
        ratio(adapter / bare),
        verdict(adapter / bare <= 1.10));
    row(
        "lock+update+unlock, CallService.runLocked over AsmClient",
        us(service, error(results, "serviceRunLocked")),
        "(info)",
        ratio(service / bare),
        "");
  }

  private void coldStart() throws IOException {
    Path file = dir.resolve("cold.json");
    if (!Files.exists(file)) {
      return;
    }
    JsonNode results = JSON.readTree(file.toFile()).path("results");
    double hello = median(results, "hello");
    double cli = median(results, "cli");
    double curl = median(results, "curl");
    row("cold JVM, hello world (median)", ms(hello), "", "", "");
    row(
        "cold JVM, asm with-lock, one cycle (median)",
        ms(cli),
        "≤ 2 × hello",
        ratio(cli / hello),
        verdict(cli / hello <= 2.0));
    if (curl > 0) {
      row("curl, the same three requests (median)", ms(curl), "(info)", ratio(curl / hello), "");
    }
    double cds = median(results, "cli-cds");
    if (cds > 0) {
      row(
          "cold JVM, asm with-lock, AppCDS and C1 only (median)",
          ms(cds),
          "(info)",
          ratio(cds / hello),
          "");
    }
  }

  private void memory() throws IOException {
    Path file = dir.resolve("xmx32.txt");
    if (Files.exists(file)) {
      String outcome = Files.readString(file).strip();
      row(
          "asm with-lock with -Xmx32m",
          outcome,
          "exit 0",
          "",
          verdict(outcome.startsWith("exit 0")));
    }
  }

  private void scaling() throws IOException {
    double one = 0;
    for (int threads : new int[] {1, 2, 4, 8}) {
      Path file = dir.resolve("scaling-t" + threads + ".json");
      if (!Files.exists(file)) {
        continue;
      }
      JsonNode results = JSON.readTree(file.toFile());
      double throughput = score(results, "withLock");
      double margin = error(results, "withLock");
      String value =
          ops(throughput)
              + (Double.isNaN(margin) ? "" : String.format(Locale.ROOT, " (± %.1f)", margin));
      if (threads == 1) {
        one = throughput;
        row("with-lock cycles, 20 ms latency, 1 thread", value, "", "", "");
        continue;
      }
      double efficiency = one > 0 ? throughput / (threads * one) : 0;
      row(
          "with-lock cycles, 20 ms latency, " + threads + " threads",
          value,
          "≥ 0.8 of linear",
          ratio(efficiency),
          verdict(efficiency >= 0.8));
    }
  }

  private static double score(JsonNode results, String benchmark) {
    return metric(results, benchmark, "score");
  }

  private static double error(JsonNode results, String benchmark) {
    return metric(results, benchmark, "scoreError");
  }

  private static double metric(JsonNode results, String benchmark, String field) {
    for (JsonNode result : results) {
      if (result.path("benchmark").asText().endsWith("." + benchmark)) {
        return result.path("primaryMetric").path(field).asDouble();
      }
    }
    return 0;
  }

  /** The median, which one slow run on a busy machine moves less than the mean. */
  private static double median(JsonNode results, String command) {
    for (JsonNode result : results) {
      if (result.path("command").asText().equals(command)) {
        return result.path("median").asDouble();
      }
    }
    return 0;
  }

  private static void row(
      String figure, String value, String target, String ratio, String verdict) {
    System.out.println(
        "| " + figure + " | " + value + " | " + target + " | " + ratio + " | " + verdict + " |");
  }

  /** Microseconds with JMH's margin; JMH gives no margin (NaN) for too few iterations. */
  private static String us(double micros, double error) {
    return Double.isNaN(error)
        ? String.format(Locale.ROOT, "%.0f µs", micros)
        : String.format(Locale.ROOT, "%.0f ± %.0f µs", micros, error);
  }

  private static String ms(double seconds) {
    return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
  }

  private static String ops(double perSecond) {
    return String.format(Locale.ROOT, "%.1f cycles/s", perSecond);
  }

  private static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }
}
