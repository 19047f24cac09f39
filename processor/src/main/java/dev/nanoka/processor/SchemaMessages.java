package dev.nanoka.processor;

import dev.nanoka.processor.writer.FileChange;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The texts of what is reported about a schema as a whole: what {@code @Schema} lists and where
 * models are declared, the processor's options and output, the migrations folder and the
 * migration planned from it. Made like {@link ModelMessages}: one factory per {@link Message},
 * with named parameters.
 */
public final class SchemaMessages {

  private SchemaMessages() {}

  // the schema and where models are declared

  public static MessageText fieldOutsideModel(String type) {
    return Message.FIELD_OUTSIDE_MODEL.text("@Field is only read on components of a @Model"
        + " record, and " + type + " has no @Model. Add `@Model` to " + type + ".");
  }

  public static MessageText indexOutsideModel(String type) {
    return Message.INDEX_OUTSIDE_MODEL.text("@Index is only read on a @Model record, and " + type
        + " has no @Model. Add `@Model` to " + type + ".");
  }

  /** @param body what the record is declared in: "method", "lambda", "initializer"… */
  public static MessageText localModel(String model, String body) {
    return Message.LOCAL_MODEL.text("@Model " + model + " is declared inside a " + body + ", and"
        + " javac never shows such local types to annotation processors, so it would get no"
        + " table. Declare it outside the " + body + ": as a top-level `public record " + model
        + "(...)` in its own file, or as a member of a class.");
  }

  /** @param schema the element carrying {@code @Schema}, e.g. "package com.example" */
  public static MessageText modelNotInSchema(String model, String schema) {
    return Message.MODEL_NOT_IN_SCHEMA.text("@Model " + model + " is not listed in"
        + " @Schema(models) on " + schema + ", so it would get no table. Add `" + model
        + ".class` to the list.");
  }

  public static MessageText schemaListsNonModel(String type) {
    return Message.SCHEMA_LISTS_NON_MODEL.text("@Schema lists " + type + ", which has no @Model."
        + " Add @Model to " + type + ", or remove it from the list.");
  }

  public static MessageText schemaListsTwice(String model) {
    return Message.SCHEMA_LISTS_TWICE.text(
        "@Schema lists " + model + " twice. List each model once.");
  }

  public static MessageText schemaEmpty() {
    return Message.SCHEMA_EMPTY.text("@Schema(models = {}) lists no models. List the records,"
        + " e.g. `@Schema(models = {User.class, Post.class})`.");
  }

  public static MessageText schemaVersion(int version) {
    return Message.SCHEMA_VERSION.text(
        "@Schema(version = " + version + "): versions start at 1. Write `version = 1`.");
  }

  /**
   * @param schema the element whose {@code @Schema} is reported, {@code otherSchema} the one
   *     that writes the file too
   * @param suggestedName a file name for the suggestion, without {@code .ts}
   */
  public static MessageText schemaSameOutput(
      String schema, Path file, String otherSchema, String suggestedName) {
    return Message.SCHEMA_SAME_OUTPUT.text("@Schema on " + schema + " writes " + file + ", which"
        + " @Schema on " + otherSchema + " writes too. Give each its own file: `@Schema(models ="
        + " {...}, output = \"drizzle/" + suggestedName + ".ts\")`.");
  }

  /** Like {@link #schemaSameOutput}, for the migrations folder. */
  public static MessageText schemaSameMigrations(
      String schema, Path folder, String otherSchema, String suggestedName) {
    return Message.SCHEMA_SAME_MIGRATIONS.text("@Schema on " + schema + " writes its migrations"
        + " to " + folder + ", which @Schema on " + otherSchema + " uses too, and one folder"
        + " holds one history. Give each its own: `@Schema(models = {...}, out = \"drizzle/"
        + suggestedName + "-migrations\")`.");
  }

  // output

  public static MessageText noOutput() {
    return Message.NO_OUTPUT.text("The models were checked, but schema.ts was not written: no"
        + " output location. Pass `-Ananoka.schemaFile=<path>/schema.ts` to javac (Maven:"
        + " <compilerArgs><arg>-Ananoka.schemaFile=${project.basedir}/drizzle/schema.ts</arg>"
        + "</compilerArgs>), or set @Schema(output). Migrations then go to the folder"
        + " `migrations` beside it.");
  }

  /**
   * @param option the option's name, e.g. "nanoka.schemaFile"
   * @param alias its older name, e.g. "nanoka.output"
   */
  public static MessageText optionConflict(
      String option, String value, String alias, String aliasValue) {
    return Message.OPTION_CONFLICT.text("-A" + option + "=" + value + " and -A" + alias + "="
        + aliasValue + " name different locations, and " + alias + " is the older name of "
        + option + ". Pass only -A" + option + ".");
  }

  /** Drizzle 1.0's layout is written from SQLite snapshots only, so far. */
  public static MessageText layoutNotForPostgres() {
    return Message.LAYOUT_NOT_FOR_DIALECT.text("The Drizzle 1.0 layout is written for SQLite schemas"
        + " only, and this schema is PostgreSQL's. Nothing was written. Write layout ="
        + " MigrationLayout.DRIZZLE_0_31 on this @Schema (or remove layout = DRIZZLE_1, or"
        + " -Ananoka.layout=drizzle-1 when no other schema needs it): its folder stays in"
        + " drizzle-kit 0.31's layout, which `drizzle-kit up` converts.");
  }

  /** An option whose value is none of those it takes. */
  public static MessageText optionInvalid(String option, String value, String values) {
    return Message.OPTION_INVALID.text("-A" + option + "=" + value + " is not one of its values: "
        + values + ". Nothing was written.");
  }

  /** @param what the file, or what it is ("the schema class") */
  /** A project file {@code -Ananoka.check=true} kept the compile from changing. */
  public static MessageText notRegenerated(Path file, FileChange.Effect effect) {
    return Message.NOT_REGENERATED.text(file + switch (effect) {
      case CREATE -> " is missing: the models generate it.";
      case REWRITE -> " is not what the models generate.";
      case DELETE -> " is no longer generated from the models: the build would delete it.";
    } + " Nothing was written (-Ananoka.check=true): build without that option and commit the"
        + " regenerated files.");
  }

  public static MessageText writeFailed(String what, String problem) {
    return Message.WRITE_FAILED.text("Could not write " + what + ": " + problem + ". For"
        + " schema.ts and migrations, check that -Ananoka.schemaFile, -Ananoka.migrationsDir or"
        + " @Schema(output/out) name a location that can be created and written.");
  }

  // migrations

  /** @param problem what is wrong with the file, e.g. "is not valid JSON: …" */
  public static MessageText migrationFolderInvalid(Path file, String problem) {
    return Message.MIGRATION_FOLDER_INVALID.text(file + " " + problem + ". No migration was"
        + " written: Nanoka never regenerates a history it cannot read.");
  }

  /**
   * @param vanished the tables of the previous version that are gone (at least one)
   * @param appeared the new tables (at least one)
   */
  public static MessageText tableRenameOrDrop(List<String> vanished, List<String> appeared) {
    String gone = vanished.get(0);
    String added = appeared.get(0);
    return Message.TABLE_RENAME_OR_DROP.text((vanished.size() == 1 ? "Table " : "Tables ")
        + String.join(", ", vanished) + " of the previous version " + isOrAre(vanished)
        + " gone and " + String.join(", ", appeared) + " appeared; Nanoka does not guess"
        + " which. If " + added + " is " + gone + " renamed, write `@Model(value = \"" + added
        + "\", renamedFrom = \"" + gone + "\")`. If " + gone + " was dropped on purpose (its"
        + " rows are lost), write `@Schema(models = {...}, droppedTables = {\"" + gone
        + "\"})`.");
  }

  /**
   * @param vanished the columns of the previous version's table that are gone (at least one)
   * @param appeared the table's new columns (at least one)
   */
  public static MessageText columnRenameOrDrop(
      String table, List<String> vanished, List<String> appeared) {
    String gone = vanished.get(0);
    String added = appeared.get(0);
    return Message.COLUMN_RENAME_OR_DROP.text((vanished.size() == 1 ? "Column " : "Columns ")
        + vanished.stream().map(c -> table + "." + c).collect(Collectors.joining(", "))
        + " of the previous version " + isOrAre(vanished) + " gone and "
        + String.join(", ", appeared) + " appeared; Nanoka does not guess which. If " + added
        + " is " + gone + " renamed, write `@Field(renamedFrom = \"" + gone + "\")` on it. If "
        + gone + " was dropped on purpose (its values are lost), write `@Model(value = \""
        + table + "\", droppedColumns = {\"" + gone + "\"})`.");
  }

  /** @param loss what the migration does to rows, as the differ describes it */
  public static MessageText dataLoss(String migration, String loss) {
    return Message.DESTRUCTIVE_CHANGE.text("Migration " + migration + " " + loss + ". If that is"
        + " intended, nothing to do; otherwise change the model, or edit the migration (e.g. to"
        + " copy the data first).");
  }

  /**
   * A drop the models declare ({@code droppedTables}, {@code droppedColumns}): a note, not a
   * warning, so that a build with {@code -Werror} compiles it.
   */
  public static MessageText declaredDataLoss(String migration, String loss) {
    return Message.DECLARED_DATA_LOSS.text("Migration " + migration + " " + loss
        + ", as declared.");
  }

  /** @param migrations how many migrations the folder holds (more than {@code version}) */
  public static MessageText versionBehind(int version, String folder, int migrations) {
    return Message.VERSION_BEHIND.text("@Schema(version = " + version + "), but " + folder
        + " already holds " + migrations + " migrations (versions 1 to " + migrations + "), and"
        + " superseded migrations are never rewritten. Write `version = " + migrations + "` to"
        + " keep iterating on the latest, or `version = " + (migrations + 1) + "` to start the"
        + " next.");
  }

  /** @param migrations how many migrations the folder holds (fewer than {@code version - 1}) */
  public static MessageText versionSkipped(int version, String folder, int migrations) {
    return Message.VERSION_SKIPPED.text("@Schema(version = " + version + ") skips versions: "
        + folder + " holds " + (migrations == 1 ? "1 migration" : migrations + " migrations")
        + ", so the next one is version " + (migrations + 1) + ". Write `version = "
        + (migrations + 1) + "`.");
  }

  /** @param nextVersion the version that would start a migration of its own */
  public static MessageText migrationEdited(Path file, int nextVersion) {
    return Message.MIGRATION_EDITED.text(file + " was edited by hand (or not generated by"
        + " Nanoka), and the models have changed since, so it is not overwritten. To regenerate"
        + " it from the models and lose the edits, delete it; to keep it and put the new"
        + " changes in a migration of their own, write `@Schema(version = " + nextVersion
        + ")`.");
  }

  /** @param nextVersion the version that would put new changes in a migration of their own */
  public static MessageText downMigrationEdited(Path file, int nextVersion) {
    return Message.DOWN_MIGRATION_EDITED.text(file + " was edited by hand, and the migration it"
        + " undoes has changed since, so it is not overwritten: it may no longer undo it. To"
        + " regenerate it, move your edits aside and delete it, then put them back where they"
        + " still apply; to keep the migration as it was and put the new changes in a"
        + " migration of their own, write `@Schema(version = " + nextVersion + ")`.");
  }

  public static MessageText downMigrationReview(Path file) {
    return Message.DOWN_MIGRATION_REVIEW.text(file + " is written with a `-- REVIEW:` line:"
        + " the migration it undoes was edited by hand (or not generated by Nanoka), and it only"
        + " undoes what the models say. Check that it undoes the migration as it is, edit it if"
        + " needed, then delete that line; until then `rollback` refuses to run it. Once the"
        + " line is gone the build keeps the file as you left it.");
  }

  public static MessageText strayMigration(Path file) {
    return Message.STRAY_MIGRATION.text(file + " is not listed in meta/_journal.json: wrangler"
        + " will apply it, drizzle-orm will not. Add it to the journal (drizzle-kit generate"
        + " --custom does) or move it out of the folder.");
  }

  /**
   * The migrations folder holds two branches' migrations (see {@code BranchCollisions}).
   *
   * @param problems each problem as {@code "<file> <what is wrong>"}, the file relative to the
   *     folder
   * @param resolution the steps that resolve it
   */
  public static MessageText migrationCollision(Path folder, List<String> problems,
      String resolution) {
    return Message.MIGRATION_COLLISION.text(folder + " holds the migrations of two branches, as"
        + " a git merge leaves them; building on it would rewrite or replace a migration one of"
        + " them may have deployed, so nothing was written:\n  - "
        + String.join("\n  - ", problems) + "\n" + resolution);
  }

  /** @param removedFile the version's migration file this compile deletes, if there was one */
  public static MessageText noChanges(int version, Optional<String> removedFile) {
    return Message.NO_CHANGES.text("Schema version " + version + " has no changes from version "
        + (version - 1) + " yet, so there is no migration for it"
        + removedFile.map(f -> " (" + f + " is removed)").orElse("") + ".");
  }

  // bugs

  /** @param what what was being done, e.g. "the models" */
  public static MessageText internalError(String what, String trace) {
    return Message.INTERNAL_ERROR.text("Nanoka hit a bug while reading " + what + ": " + trace
        + ". Please report it with this message; the models were not written.");
  }

  private static String isOrAre(List<String> names) {
    return names.size() == 1 ? "is" : "are";
  }
}
