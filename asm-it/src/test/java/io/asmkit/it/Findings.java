package io.asmkit.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes one line per case (name, then what happened) to {@code target/reliability/NAME.tsv}, the
 * raw material of the tables in docs/reliability.md. Writing never fails a test.
 */
final class Findings {

  /** The tables written by this JVM so far: each is started afresh on its first line. */
  private static final Set<String> STARTED = new HashSet<>();

  private Findings() {}

  /** Appends {@code case<TAB>fields...} to the table {@code table}. */
  static synchronized void record(String table, String caseName, Object... fields) {
    StringBuilder line = new StringBuilder(clean(caseName));
    for (Object field : fields) {
      line.append('\t').append(clean(String.valueOf(field)));
    }
    line.append('\n');
    try {
      Path file = Path.of("target", "reliability", table + ".tsv");
      Files.createDirectories(file.getParent());
      if (STARTED.add(table)) {
        Files.deleteIfExists(file);
      }
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String clean(String text) {
    return text.replaceAll("[\\t\\r\\n]+", " ");
  }
}
