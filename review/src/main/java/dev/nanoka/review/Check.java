package dev.nanoka.review;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.core.diff.SchemaDescriber;
import dev.nanoka.core.diff.SchemaDiff;
import dev.nanoka.core.diff.SchemaDiffer;
import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.folder.BranchCollisions;
import dev.nanoka.folder.Drizzle1Collisions;
import dev.nanoka.folder.MigrationFolderException;
import dev.nanoka.folder.MigrationLayout;
import dev.nanoka.folder.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Whether a checkout is consistent, for CI, with no database: the migrations folder is whole
 * (journal, snapshots and their {@code prevId} chain, no duplicate numbers, no conflict markers,
 * no stray or missing files), its hand edits are declared and change no schema (the folder is
 * replayed into an in-memory SQLite and compared with each snapshot), the last snapshot is the
 * models, and schema.ts is what the models generate. Every problem is listed, not only the
 * first.
 *
 * <pre>{@code
 * List<Finding> findings = Check.folder(Path.of("drizzle/migrations"))
 *     .models(SchemaResource.read(NanokaSchema.INSTANCE), "NanokaSchema")
 *     .schemaTs(Path.of("drizzle/schema.ts"), GeneratedSchemaTs.of(NanokaSchema.INSTANCE).get())
 *     .run();
 * boolean ok = !Check.hasErrors(findings);
 * }</pre>
 */
public final class Check {

  private final Path dir;
  private Optional<DatabaseSchema> models = Optional.empty();
  private String modelsName = "the models";
  private Optional<Path> schemaTsFile = Optional.empty();
  private String expectedSchemaTs = "";

  private Check(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** A check of the migrations folder {@code dir} (drizzle-kit's {@code out}). */
  public static Check folder(Path dir) {
    return new Check(dir);
  }

  /**
   * Also checks that the last snapshot is these models.
   *
   * @param name names them in messages, e.g. the generated class
   */
  public Check models(DatabaseSchema models, String name) {
    this.models = Optional.of(models);
    this.modelsName = name;
    return this;
  }

  /** Also checks that {@code file} holds {@code expected}, the schema.ts the models generate. */
  public Check schemaTs(Path file, String expected) {
    this.schemaTsFile = Optional.of(file);
    this.expectedSchemaTs = expected;
    return this;
  }

  /**
   * Every problem found, folder rules first, in the order of the folder.
   *
   * @throws MigrationFolderException when the folder does not exist or a file cannot be read
   *     at all (permissions, I/O): nothing can be checked
   */
  public List<Finding> run() throws MigrationFolderException {
    List<Finding> findings = new ArrayList<>();
    Optional<List<CheckedMigration>> migrations = new FolderCheck(dir, findings).run();
    branchMerge().ifPresent(findings::add);
    if (migrations.isPresent()) {
      DownFileCheck.check(dir, migrations.get(), findings);
      FolderReplay.check(migrations.get()).ifPresent(findings::add);
      if (models.isPresent()) {
        modelsDiffer(migrations.get()).ifPresent(findings::add);
      }
    }
    if (schemaTsFile.isPresent()) {
      SchemaTsComparison.check(schemaTsFile.get(), expectedSchemaTs).ifPresent(findings::add);
    }
    return findings;
  }

  /**
   * The folder's evidence of two branches' migrations, read by the same rules the build uses,
   * as one finding with the steps that resolve it: the files themselves are listed by the rules
   * above, each at its line.
   */
  private Optional<Finding> branchMerge() {
    boolean drizzle1 = MigrationLayout.of(dir) == MigrationLayout.DRIZZLE_1;
    BranchCollisions collisions =
        drizzle1 ? Drizzle1Collisions.find(dir) : BranchCollisions.find(dir);
    if (collisions.isEmpty()) {
      return Optional.empty();
    }
    String evidence = collisions.problems().stream()
        .map(p -> dir.relativize(p.file()) + " " + p.text())
        .collect(Collectors.joining("; "));
    return Optional.of(Finding.at(CheckRule.BRANCH_MERGE.id(), Severity.ERROR,
        drizzle1 ? collisions.problems().get(0).file()
            : dir.resolve("meta").resolve("_journal.json"), "Two branches' migrations are in this"
            + " folder (" + evidence + "). " + collisions.resolution(OptionalInt.empty())));
  }

  /** Whether any finding is an error: the check fails. */
  public static boolean hasErrors(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * The models against the last snapshot, as the build diffs them: any change means the build
   * would write files that are not in this checkout.
   */
  private Optional<Finding> modelsDiffer(List<CheckedMigration> migrations) {
    Optional<DatabaseSchema> last = migrations.isEmpty()
        ? Optional.of(new DatabaseSchema(List.of()))
        : migrations.get(migrations.size() - 1).snapshot().flatMap(Snapshot::schema);
    if (last.isEmpty()) {
      return Optional.empty(); // its snapshot is missing or broken: reported already
    }
    SchemaDiff diff = SchemaDiffer.diff(last.get(), models.get(), RenameHints.NONE);
    if (diff.isEmpty()) {
      return Optional.empty();
    }
    List<String> differences =
        SchemaDescriber.describe(diff, "the last snapshot", "the models");
    Path file = migrations.isEmpty()
        ? dir.resolve("meta").resolve("_journal.json")
        : migrations.get(migrations.size() - 1).snapshotFile();
    String what = migrations.isEmpty()
        ? "The folder has no migration, but the models (" + modelsName + ") have tables"
        : "The last snapshot (" + migrations.get(migrations.size() - 1).entry().tag()
            + ") differs from the models (" + modelsName + ")";
    return Optional.of(Finding.at(CheckRule.MODELS_DIFFER.id(), Severity.ERROR, file, what
        + ": " + String.join("; ", differences) + ". Run the build and commit the regenerated"
        + " files (schema.ts and the migrations folder)"));
  }
}
