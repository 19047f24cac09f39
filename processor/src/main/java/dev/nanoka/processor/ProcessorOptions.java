package dev.nanoka.processor;

import dev.nanoka.folder.MigrationLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code -A} options the processor reads:
 *
 * <ul>
 *   <li>{@code nanoka.schemaFile}: where schema.ts is written (older name: {@code nanoka.output});
 *   <li>{@code nanoka.migrationsDir}: the migrations folder (older name: {@code nanoka.out},
 *       after drizzle-kit's {@code out});
 *   <li>{@code nanoka.migrate=false}: schema.ts only;
 *   <li>{@code nanoka.relations=false}: schema.ts without Drizzle relations;
 *   <li>{@code nanoka.check=true}: write no file of the project (schema.ts, the migrations
 *       folder), only the generated classes and resources, and warn about each project file the
 *       compile would change: for CI, where {@code nanoka check} then compares the committed
 *       files with the models;
 *   <li>{@code nanoka.layout}: the migrations folder's layout, {@code drizzle-0.31} (the
 *       default) or {@code drizzle-1}, for a {@code @Schema} without {@code layout};
 *   <li>{@code nanoka.projectDir}: what relative paths resolve against; without it, javac's
 *       working directory (under Maven that is the directory mvn was started in, not the module:
 *       pass {@code ${project.basedir}}).
 * </ul>
 *
 * <p>The older names keep working. An option given under both names with different values is an
 * error ({@link #conflicts}) rather than a silent choice; a blank value counts as not given.
 *
 * @param schemaFile where schema.ts goes, as written
 * @param migrationsDir the migrations folder, as written
 * @param conflicts an error for each option given under both names with different values
 */
record ProcessorOptions(
    Optional<String> schemaFile,
    Optional<String> migrationsDir,
    boolean migrate,
    boolean relations,
    boolean check,
    Path projectDir,
    List<MessageText> conflicts,
    MigrationLayout layout) {

  static final String SCHEMA_FILE = "nanoka.schemaFile";
  static final String MIGRATIONS_DIR = "nanoka.migrationsDir";
  static final String MIGRATE = "nanoka.migrate";
  static final String RELATIONS = "nanoka.relations";
  static final String PROJECT_DIR = "nanoka.projectDir";
  static final String CHECK = "nanoka.check";
  static final String LAYOUT = "nanoka.layout";
  /** The first names of {@link #SCHEMA_FILE} and {@link #MIGRATIONS_DIR}, easy to confuse. */
  static final String SCHEMA_FILE_ALIAS = "nanoka.output";
  static final String MIGRATIONS_DIR_ALIAS = "nanoka.out";

  ProcessorOptions {
    conflicts = List.copyOf(conflicts);
  }

  static Set<String> names() {
    return Set.of(SCHEMA_FILE, MIGRATIONS_DIR, MIGRATE, RELATIONS, CHECK, PROJECT_DIR, LAYOUT,
        SCHEMA_FILE_ALIAS, MIGRATIONS_DIR_ALIAS);
  }

  static ProcessorOptions from(Map<String, String> options) {
    List<MessageText> conflicts = new ArrayList<>();
    String dir = options.get(PROJECT_DIR);
    return new ProcessorOptions(
        either(options, SCHEMA_FILE, SCHEMA_FILE_ALIAS, conflicts),
        either(options, MIGRATIONS_DIR, MIGRATIONS_DIR_ALIAS, conflicts),
        !"false".equalsIgnoreCase(String.valueOf(options.get(MIGRATE)).strip()),
        !"false".equalsIgnoreCase(String.valueOf(options.get(RELATIONS)).strip()),
        "true".equalsIgnoreCase(String.valueOf(options.get(CHECK)).strip()),
        Path.of(dir == null || dir.isBlank() ? "" : dir),
        conflicts,
        layout(options.get(LAYOUT), conflicts));
  }

  /** {@code drizzle-1} or {@code drizzle-0.31}; anything else is reported. */
  private static MigrationLayout layout(String value, List<MessageText> conflicts) {
    String written = nonBlank(value).map(String::strip).orElse("drizzle-0.31");
    return switch (written.toLowerCase(java.util.Locale.ROOT)) {
      case "drizzle-1" -> MigrationLayout.DRIZZLE_1;
      case "drizzle-0.31" -> MigrationLayout.DRIZZLE_0_31;
      default -> {
        conflicts.add(SchemaMessages.optionInvalid(LAYOUT, written, "drizzle-0.31, drizzle-1"));
        yield MigrationLayout.DRIZZLE_0_31;
      }
    };
  }

  /** The option under its name or its alias. */
  private static Optional<String> either(
      Map<String, String> options, String name, String alias, List<MessageText> conflicts) {
    Optional<String> value = nonBlank(options.get(name));
    Optional<String> aliased = nonBlank(options.get(alias));
    if (value.isPresent() && aliased.isPresent() && !value.equals(aliased)) {
      conflicts.add(SchemaMessages.optionConflict(name, value.get(), alias, aliased.get()));
    }
    return value.or(() -> aliased);
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(s -> !s.isBlank());
  }
}
