package dev.nanoka.cli;

import dev.nanoka.core.schema.DatabaseSchema;
import dev.nanoka.folder.MigrationFolderException;
import dev.nanoka.review.Check;
import dev.nanoka.review.Finding;
import dev.nanoka.review.GeneratedSchemaTs;
import dev.nanoka.review.Severity;
import dev.nanoka.runtime.SchemaDefinition;
import dev.nanoka.runtime.internal.SchemaResource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Checks, with no database, that a checkout is consistent: the migrations"
        + " folder (journal, snapshot chain, numbers, conflict markers, stray and missing files,"
        + " hand edits, the folder replayed against each snapshot) and, with --schema, that the"
        + " committed files are what the models generate. Prints every problem as"
        + " file:line: severity [rule] message; exit code 1 when one is an error.")
final class CheckCommand implements Callable<Integer> {

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "drizzle/migrations",
      description = "The migrations folder (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Mixin
  ModelsOptions models;

  @Option(names = "--schema-file", paramLabel = "FILE",
      description = "The committed schema.ts to compare with what the models generate (needs"
          + " --schema; default: schema.ts beside the migrations folder, as the processor lays"
          + " them out).")
  Path schemaFile;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws CliException {
    PrintWriter out = spec.commandLine().getOut();
    if (schemaFile != null && !models.isSet()) {
      throw new ParameterException(spec.commandLine(), "--schema-file compares schema.ts with"
          + " the models: name them with --schema CLASS (and --classpath)");
    }
    Check check = Check.folder(dir);
    if (models.isSet()) {
      SchemaDefinition definition = models.load();
      DatabaseSchema schema;
      try {
        schema = SchemaResource.read(definition);
      } catch (IllegalStateException e) {
        throw new CliException(4, e.getMessage());
      }
      check.models(schema, models.schemaClass);
      Optional<String> schemaTs = GeneratedSchemaTs.of(definition);
      if (schemaTs.isPresent()) {
        check.schemaTs(schemaFile != null ? schemaFile : besideFolder(), schemaTs.get());
      } else if (schemaFile != null) {
        throw new CliException(4, models.schemaClass + " was built without a schema.ts (the"
            + " class path has no schema.ts beside " + definition.resource() + "): build with"
            + " a schema.ts location (@Schema(output) or -Ananoka.schemaFile) and Nanoka's"
            + " current processor, or leave out --schema-file.");
      }
    }
    List<Finding> findings;
    try {
      findings = check.run();
    } catch (MigrationFolderException e) {
      throw new CliException(4, e.file() + " " + e.getMessage());
    }
    findings.forEach(out::println);
    long errors = count(findings, Severity.ERROR);
    long warnings = count(findings, Severity.WARNING);
    if (errors == 0) {
      out.println("Consistent: " + dir + (models.isSet() ? " and " + models.schemaClass : "")
          + (warnings > 0 ? " (" + warnings + " warning" + (warnings == 1 ? "" : "s") + ")" : "")
          + ".");
      return 0;
    }
    out.println(errors + " error" + (errors == 1 ? "" : "s")
        + (warnings > 0 ? ", " + warnings + " warning" + (warnings == 1 ? "" : "s") : "") + ".");
    return 1;
  }

  /** schema.ts where the processor puts it without options: beside the migrations folder. */
  private Path besideFolder() {
    return dir.normalize().getParent() != null
        ? dir.resolveSibling("schema.ts")
        : dir.toAbsolutePath().normalize().resolveSibling("schema.ts");
  }

  private static long count(List<Finding> findings, Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
