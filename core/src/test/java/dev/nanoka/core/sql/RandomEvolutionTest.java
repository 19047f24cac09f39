package dev.nanoka.core.sql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanoka.core.testing.MigrationCheck;
import dev.nanoka.core.testing.MigrationMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random schemas with rows, evolved at random, migrated on real SQLite in all three modes; see
 * {@link MigrationCheck} for what must hold. Seeds are fixed, so a failure names its seed and
 * reproduces: {@code mvn -pl core test -Dtest=RandomEvolutionTest -Dnanoka.seed.first=N
 * -Dnanoka.seed.count=1}. Each failure message carries the changes made, the rows of A and the
 * migration file. For a longer soak, raise {@code nanoka.seed.count}.
 */
class RandomEvolutionTest {

  static final long FIRST = Long.getLong("nanoka.seed.first", 1);
  static final long COUNT = Long.getLong("nanoka.seed.count", 300);

  /**
   * What the default seeds must exercise, as patterns over the migration files, with the least
   * number of files that must show each: a generator that drifted to trivial evolutions would
   * leave the property untested while still passing.
   */
  static final Map<String, Integer> COVERAGE = new LinkedHashMap<>();

  static {
    COVERAGE.put("CREATE TABLE `__new_", 120);
    COVERAGE.put("CREATE TABLE `__nanoka_keep_", 40);
    COVERAGE.put("(?s)CREATE TABLE `__new_.*CREATE TABLE `__new_", 25);
    COVERAGE.put("UPDATE `\\w+` SET `\\w+` = `", 10);
    COVERAGE.put("coalesce\\(", 8);
    COVERAGE.put("INSERT INTO sqlite_sequence", 10);
    COVERAGE.put("ALTER TABLE `\\w+` ADD `", 20);
    COVERAGE.put("DROP COLUMN", 8);
    COVERAGE.put("RENAME COLUMN", 25);
    COVERAGE.put("ALTER TABLE `t\\d+` RENAME TO", 25);
    COVERAGE.put("Data loss: drops table", 25);
    COVERAGE.put("DROP INDEX", 25);
    // Rebuilds: the copy by row id and by INTEGER PRIMARY KEY, sliced put-backs, a table
    // referencing itself set aside in one statement, references of a cycle written back, and
    // the copy in one statement (a table referencing itself, a key that changed).
    COVERAGE.put("INSERT INTO `__new_\\w+`\\(rowid, ", 40);
    COVERAGE.put("WHERE `\\w+` > \\(SELECT max\\(`\\w+`\\) FROM `__new_", 35);
    COVERAGE.put("FROM `__nanoka_keep_\\w+` WHERE rowid > 15 \\* ", 30);
    COVERAGE.put("SELECT rowid AS `__nanoka_rowid`, [^;]* LIMIT iif\\([^;]*, -1, 0\\);", 10);
    COVERAGE.put("UPDATE `\\w+` SET [^;]* FROM `__nanoka_keep_", 2);
    // Update triggers: created, dropped, and set aside around a rebuild that puts rows back
    COVERAGE.put("CREATE TRIGGER `\\w+_on_update`", 200);
    COVERAGE.put("DROP TRIGGER IF EXISTS `\\w+_on_update`", 100);
    COVERAGE.put("(?s)DROP TRIGGER IF EXISTS `(t\\d+)_\\w+_on_update`;"
        + ".*CREATE TABLE `__nanoka_keep_\\1` AS", 20);
    COVERAGE.put("(?s)Rebuild \\w+:[^\\n]*\\n(-- [^\\n]*\\n)*CREATE TABLE `__new_\\w+` [^;]*;\\n"
        + "--> statement-breakpoint\\nINSERT INTO `__new_\\w+`[^;]* FROM `\\w+`;", 20);
  }

  private final Map<String, Integer> seen = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicTest> randomEvolutionsKeepEveryRow() {
    Stream<DynamicTest> seeds = LongStream.range(FIRST, FIRST + COUNT).mapToObj(seed ->
        DynamicTest.dynamicTest("seed " + seed, () -> {
          MigrationCheck check = RandomEvolutions.generate(seed);
          COVERAGE.keySet().stream()
              .filter(p -> Pattern.compile(p).matcher(check.file()).find())
              .forEach(p -> seen.merge(p, 1, Integer::sum));
          for (MigrationMode mode : MigrationMode.values()) {
            check.assertIn(mode);
          }
        }));
    DynamicTest coverage = DynamicTest.dynamicTest("the seeds cover every kind of change", () -> {
      if (FIRST != 1 || COUNT < 300) {
        return; // a chosen seed range reproduces failures; coverage is about the default one
      }
      COVERAGE.forEach((pattern, least) -> assertTrue(seen.getOrDefault(pattern, 0) >= least,
          pattern + " in " + seen.getOrDefault(pattern, 0) + " files, expected " + least));
    });
    return Stream.concat(seeds, Stream.of(coverage));
  }
}
