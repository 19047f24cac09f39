package dev.nanoka.processor;

import com.google.auto.service.AutoService;
import dev.nanoka.core.schema.SchemaText;
import dev.nanoka.core.sql.SqlDialect;
import dev.nanoka.folder.BranchCollisions;
import dev.nanoka.folder.Drizzle1Collisions;
import dev.nanoka.folder.Journal;
import dev.nanoka.folder.MigrationFolder;
import dev.nanoka.folder.MigrationFolderException;
import dev.nanoka.folder.MigrationLayout;
import dev.nanoka.processor.migrate.MigrationPlanner;
import dev.nanoka.processor.migrate.ModelLocator;
import dev.nanoka.processor.migrate.PlannedMigration;
import dev.nanoka.processor.model.Annotations;
import dev.nanoka.processor.model.AssembledSchema;
import dev.nanoka.processor.model.JavaTypeMapper;
import dev.nanoka.processor.model.JsonTypeMapper;
import dev.nanoka.processor.model.ModelDefinition;
import dev.nanoka.processor.model.ModelReader;
import dev.nanoka.processor.model.PostgresColumns;
import dev.nanoka.processor.model.SchemaAssembler;
import dev.nanoka.processor.model.Unresolved;
import dev.nanoka.processor.ts.DrizzleSchemaRenderer;
import dev.nanoka.processor.ts.PgSchemaRenderer;
import dev.nanoka.processor.writer.Drizzle1Files;
import dev.nanoka.processor.writer.FileChange;
import dev.nanoka.processor.writer.MigrationIndexWriter;
import dev.nanoka.processor.writer.ProjectFileWriter;
import dev.nanoka.processor.writer.SchemaClassWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @Model} records while javac runs and writes the Drizzle schema.ts of each schema.
 *
 * <p>All models are read and checked first, every problem reported at its element; files are
 * written only when the whole compilation is free of Nanoka errors. The work happens once, in the
 * first round that sees a Nanoka annotation and in which javac has resolved every type the
 * models use: a type another processor generates only resolves in a later round, so a reading
 * that met an unresolved one is dropped, reports and all, and done again in the next round. In
 * the last round it counts as it is; javac then reports the missing names, and nothing is
 * written.
 *
 * <p>A schema whose files the previous compile wrote from the same models, and which nobody
 * touched since, is left alone: nothing is rendered, planned or written ({@link UpToDate}).
 */
@AutoService(Processor.class)
public final class NanokaProcessor extends AbstractProcessor {

  private Diagnostics diagnostics;
  private ProcessorOptions options;
  private Optional<LocalModels> localModels;
  private Unresolved unresolved;
  private final AnnotatedElements annotated = new AnnotatedElements();
  private boolean done;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    diagnostics = new Diagnostics(env);
    options = ProcessorOptions.from(env.getOptions());
    localModels = JavacTrees.ifAvailable(() -> LocalModels.of(env));
    Optional<UnresolvedAnnotations> inSource =
        JavacTrees.ifAvailable(() -> UnresolvedAnnotations.of(env));
    unresolved = new Unresolved(type -> inSource.map(s -> s.in(type)).orElse(false));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Annotations.MODEL, Annotations.FIELD, Annotations.INDEX, Annotations.INDEXES,
        Annotations.SCHEMA);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.names();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done) {
      return false;
    }
    guarded(() -> {
      localModels.ifPresent(l -> l.report(round.getRootElements(), diagnostics));
      annotated.remember(round, processingEnv.getElementUtils());
    });
    if (annotated.isEmpty()) {
      return false;
    }
    diagnostics.hold();
    guarded(this::generate);
    if (diagnostics.hasUnresolved() && !round.processingOver()) {
      diagnostics.drop();
      return false;
    }
    diagnostics.release();
    done = true;
    return false;
  }

  /** Runs a step; an exception is a bug, reported as such rather than thrown at javac. */
  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      diagnostics.error(null, SchemaMessages.internalError("the models", trace.toString()));
    }
  }

  private void generate() {
    var elements = processingEnv.getElementUtils();
    var types = processingEnv.getTypeUtils();
    List<SchemaPlan> plans =
        new SchemaPlanner(elements, diagnostics, options, unresolved).plan(annotated);

    List<FileChange> files = new ArrayList<>();
    Map<SchemaPlan, Journal> packaged = new LinkedHashMap<>();
    Map<Element, String> definitions = new LinkedHashMap<>();
    Map<Element, String> schemaTsTexts = new LinkedHashMap<>();
    UpToDate upToDate = new UpToDate(processingEnv.getFiler(), elements);
    List<UpToDate.Check> toRecord = new ArrayList<>();
    for (SchemaPlan plan : plans) {
      // JSON type names are declared per schema.ts, so each schema gets its own mapper.
      JsonTypeMapper json = new JsonTypeMapper(types, elements);
      ModelReader reader = new ModelReader(
          elements, types, new JavaTypeMapper(types, json), diagnostics, unresolved);
      List<ModelDefinition> models = new ArrayList<>();
      boolean complete = true;
      for (TypeElement element : plan.models()) {
        Optional<ModelDefinition> model = reader.read(element);
        complete &= model.isPresent();
        model.ifPresent(models::add);
      }
      Optional<AssembledSchema> read = complete
          ? new SchemaAssembler(diagnostics).assemble(models, plan.droppedTables())
          : Optional.empty();
      boolean postgres = PostgresColumns.isPostgres(plan.schema());
      // the PostgreSQL dialect types the columns SQLite's reading left as affinities
      Optional<AssembledSchema> schema =
          postgres ? read.flatMap(s -> PostgresColumns.convert(s, models, diagnostics)) : read;
      String schemaText = schema.map(s -> SchemaText.write(s.schema())).orElse("");
      Optional<UpToDate.Check> check = schema.flatMap(s -> upToDate.check(
          plan, s, schemaText, json.declarations(), generated(plan, elements)));
      if (check.isPresent() && check.get().holds(processingEnv.getFiler())) {
        continue; // its files are what this compile would write: nothing to render or plan
      }
      int reportsBefore = diagnostics.reports();
      if (plan.output().isEmpty()) {
        diagnostics.warning(plan.origin().orElse(null),
            plan.schema().map(s -> s.mirror()).orElse(null), null, SchemaMessages.noOutput());
      } else if (schema.isPresent()) {
        String schemaTs = postgres
            ? PgSchemaRenderer.render(
                schema.get().schema(), json.declarations(), plan.description(), plan.relations())
            : DrizzleSchemaRenderer.render(
                schema.get().schema(), json.declarations(), plan.description(), plan.relations(),
                plan.layout() == MigrationLayout.DRIZZLE_1);
        files.add(FileChange.write(plan.output().get(), schemaTs));
        plan.origin().ifPresent(origin -> schemaTsTexts.put(origin, schemaTs));
      }
      // version < 1 was reported by the planner and has no migration number to plan for
      if (schema.isPresent() && plan.migrate() && plan.version() >= 1) {
        Optional<PlannedMigration> migration = planMigration(plan, schema.get(), models);
        migration.ifPresent(m -> files.addAll(m.files()));
        // an implicit schema has no package of its own to put the index in
        if (migration.isPresent() && plan.origin().isPresent()) {
          packaged.put(plan, options.check() ? committedJournal(plan) : migration.get().journal());
        }
      }
      if (schema.isPresent() && plan.origin().isPresent()) {
        definitions.put(plan.origin().get(), schemaText);
      }
      // a compile that warns about the migration does so every time: it is never up to date;
      // one that writes no project file (nanoka.check) leaves them as they were
      if (check.isPresent() && diagnostics.reports() == reportsBefore && !options.check()) {
        toRecord.add(check.get());
      }
    }
    if (diagnostics.hasErrors() || diagnostics.hasUnresolved()) {
      return; // nothing is written from a model with errors, or one javac could not resolve
    }
    for (FileChange file : files) {
      try {
        if (options.check()) {
          // CI's compile: the committed files stay as they are for `nanoka check` to compare
          ProjectFileWriter.effect(file).ifPresent(effect ->
              diagnostics.warning(null, null, null,
                  SchemaMessages.notRegenerated(file.path(), effect)));
        } else {
          ProjectFileWriter.apply(file);
        }
      } catch (IOException e) {
        diagnostics.error(null, SchemaMessages.writeFailed(file.path().toString(), e.toString()));
      }
    }
    if (diagnostics.hasErrors()) {
      return;
    }
    // The generated classes use the runtime: without it on the class path they would not compile.
    if (MigrationIndexWriter.runtimeAvailable(elements)) {
      packaged.forEach(this::packageMigrations);
    }
    if (SchemaClassWriter.runtimeAvailable(elements)) {
      definitions.forEach((element, schema) -> {
        try {
          SchemaClassWriter.write(processingEnv.getFiler(), elements, element, schema,
              Optional.ofNullable(schemaTsTexts.get(element)));
        } catch (IOException e) {
          diagnostics.error(element, SchemaMessages.writeFailed("the schema class", e.toString()));
        }
      });
    }
    if (diagnostics.hasErrors()) {
      return;
    }
    for (UpToDate.Check written : toRecord) {
      try {
        written.record(processingEnv.getFiler());
      } catch (IOException e) {
        // only the next compile's shortcut is lost: it plans and compares as this one did
      }
    }
  }

  /** The classes generated for the schema, by suffix ({@code Schema}, {@code Migrations}). */
  private static List<String> generated(SchemaPlan plan, Elements elements) {
    List<String> generated = new ArrayList<>();
    if (SchemaClassWriter.runtimeAvailable(elements)) {
      generated.add("Schema");
    }
    if (MigrationIndexWriter.runtimeAvailable(elements) && plan.migrate()
        && plan.migrations().isPresent() && plan.version() >= 1) {
      generated.add("Migrations");
    }
    return generated;
  }

  /**
   * Puts the migrations on the class path with a generated index, for the runtime: those of the
   * journal as planned, which this compile has just written to the folder.
   */
  private void packageMigrations(SchemaPlan plan, Journal journal) {
    try {
      MigrationIndexWriter.write(processingEnv.getFiler(), processingEnv.getElementUtils(),
          plan.origin().orElseThrow(), plan.migrations().orElseThrow(), journal, plan.layout());
    } catch (IOException e) {
      diagnostics.error(
          plan.origin().get(), SchemaMessages.writeFailed("the migration index", e.toString()));
    }
  }

  /**
   * The journal as committed, for a compile that writes no project file: the migrations packaged
   * are those on disk, the ones the application would run with this checkout (its entries
   * whose files exist; a missing one is for {@code nanoka check} to report).
   */
  private Journal committedJournal(SchemaPlan plan) {
    Path dir = plan.migrations().orElseThrow();
    try {
      MigrationFolder folder = MigrationFolder.load(dir, plan.version() - 1, plan.layout());
      return new Journal(folder.journal().entries().stream()
          .filter(e -> Files.isRegularFile(folder.sqlFile(e.tag())))
          .toList());
    } catch (MigrationFolderException e) {
      return new Journal(List.of()); // planning loaded it a moment ago; reported there if not
    }
  }

  /**
   * The files of the schema version's migration and the journal they leave; empty when there is
   * no migrations folder or a problem was reported. The folder is loaded once per compile, here.
   */
  private Optional<PlannedMigration> planMigration(
      SchemaPlan plan, AssembledSchema schema, List<ModelDefinition> models) {
    if (plan.migrations().isEmpty()) {
      return Optional.empty(); // no output location at all: NO_OUTPUT already says what to add
    }
    // Migration diagnostics point at the annotation to change: @Schema, @Model, a component.
    ModelLocator locator = new ModelLocator(plan.origin(), plan.schema(), models);
    Path dir = plan.migrations().get();
    if (plan.layout() == MigrationLayout.DRIZZLE_1 && PostgresColumns.isPostgres(plan.schema())) {
      ModelLocator.Location at = locator.schema("layout");
      diagnostics.error(at.element(), at.annotation(), at.value(),
          SchemaMessages.layoutNotForPostgres());
      return Optional.empty();
    }
    // Before the folder is read as one history: a merged one must not be built on.
    BranchCollisions collisions = plan.layout() == MigrationLayout.DRIZZLE_1
        ? Drizzle1Collisions.find(dir) : BranchCollisions.find(dir, plan.version() - 1);
    if (!collisions.isEmpty()) {
      ModelLocator.Location at = locator.schema("version");
      diagnostics.error(at.element(), at.annotation(), at.value(),
          SchemaMessages.migrationCollision(dir, collisions.problems().stream()
                  .map(p -> dir.relativize(p.file()).toString().replace('\\', '/') + " "
                      + p.text())
                  .toList(),
              collisions.resolution(OptionalInt.of(plan.version()))));
      return Optional.empty();
    }
    MigrationFolder folder;
    try {
      // The current version's migration may have been deleted to have it regenerated.
      folder = MigrationFolder.load(dir, plan.version() - 1, plan.layout());
    } catch (MigrationFolderException e) {
      ModelLocator.Location at = locator.schema("out");
      diagnostics.error(at.element(), at.annotation(), at.value(),
          SchemaMessages.migrationFolderInvalid(e.file(), e.getMessage()));
      return Optional.empty();
    }
    Optional<PlannedMigration> planned = new MigrationPlanner(diagnostics, locator,
            PostgresColumns.isPostgres(plan.schema()) ? SqlDialect.POSTGRESQL : SqlDialect.SQLITE)
        .plan(folder, schema.schema(), plan.version(), schema.renameHints());
    if (plan.layout() != MigrationLayout.DRIZZLE_1 || planned.isEmpty()) {
      return planned;
    }
    try {
      return Optional.of(Drizzle1Files.map(folder, planned.get()));
    } catch (MigrationFolderException e) {
      ModelLocator.Location at = locator.schema("out");
      diagnostics.error(at.element(), at.annotation(), at.value(),
          SchemaMessages.migrationFolderInvalid(e.file(), e.getMessage()));
      return Optional.empty();
    }
  }
}
