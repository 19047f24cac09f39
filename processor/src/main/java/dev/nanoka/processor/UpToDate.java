package dev.nanoka.processor;

import dev.nanoka.core.diff.RenameHints;
import dev.nanoka.processor.model.AssembledSchema;
import dev.nanoka.processor.writer.BuildRecord;
import dev.nanoka.processor.writer.GeneratedClasses;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;

/**
 * Tells a schema whose files are already what this compile would write ({@link BuildRecord}):
 * the same processor, options, models (the schema text the runtime reads is the whole model),
 * JSON types and rename hints as the compile that wrote them, which are untouched since, and
 * the generated classes compiled from their sources.
 */
final class UpToDate {

  private final Filer filer;
  private final Elements elements;
  private final String processor;

  UpToDate(Filer filer, Elements elements) {
    this.filer = filer;
    this.elements = elements;
    this.processor = identity();
  }

  /** The check of one schema; empty where it does not apply. */
  Optional<Check> check(SchemaPlan plan, AssembledSchema schema, String schemaText,
      List<String> jsonTypes, List<String> generated) {
    if (plan.origin().isEmpty() || plan.output().isEmpty()
        || !GeneratedClasses.keepsUnchanged(filer)) {
      return Optional.empty();
    }
    Element origin = plan.origin().get();
    List<String> inputs = new ArrayList<>(List.of(processor, plan.description(),
        String.valueOf(plan.output()), String.valueOf(plan.migrations()),
        String.valueOf(plan.migrate()), String.valueOf(plan.relations()),
        String.valueOf(plan.version()), String.valueOf(plan.layout()),
        String.valueOf(plan.droppedTables()), String.join(",", generated), hints(schema),
        schemaText));
    inputs.addAll(jsonTypes);
    List<Path> outputs = new ArrayList<>(List.of(plan.output().get()));
    if (plan.migrate() && plan.migrations().isPresent()) {
      outputs.add(plan.migrations().get());
    }
    List<FileObject[]> files = new ArrayList<>();
    try {
      for (String suffix : generated) {
        files.add(GeneratedClasses.sourceAndClass(
            filer, GeneratedClasses.className(elements, origin, suffix)));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a Filer that can't say where they are
    }
    return Optional.of(new Check(origin, GeneratedClasses.resourceFolder(elements, origin,
        "build") + "/record.txt", BuildRecord.fingerprint(inputs), outputs, files));
  }

  /**
   * One schema's check.
   *
   * @param generated each generated class's source and class file
   */
  record Check(Element origin, String resource, String fingerprint, List<Path> outputs,
      List<FileObject[]> generated) {

    /** Whether the last compile left this record and the classes are compiled. */
    boolean holds(Filer filer) {
      try {
        for (FileObject[] sourceAndClass : generated) {
          long compiled = sourceAndClass[1].getLastModified();
          if (compiled == 0 || compiled < sourceAndClass[0].getLastModified()) {
            return false; // a generated class javac did not compile after its source changed
          }
        }
        return BuildRecord.read(filer, resource).equals(Optional.of(now()));
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    /** Records the outputs as this compile leaves them. */
    void record(Filer filer) throws IOException {
      now().write(filer, resource, origin);
    }

    private BuildRecord now() throws IOException {
      return BuildRecord.of(fingerprint, outputs,
          generated.stream().map(sourceAndClass -> sourceAndClass[0]).toList());
    }
  }

  /** The rename hints in a fixed order (they hold unordered maps and sets). */
  private static String hints(AssembledSchema schema) {
    RenameHints hints = schema.renameHints();
    return List.of(sorted(hints.tables()), sorted(hints.columns()), sorted(hints.droppedTables()),
        sorted(hints.droppedColumns())).toString();
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).sorted().toList();
    }
    return value;
  }

  /** The processor's jar (or class folder) as it is now: a new build of it starts afresh. */
  private static String identity() {
    try {
      Path location = Path.of(UpToDate.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      return location + (Files.isRegularFile(location)
          ? " " + Files.size(location) + " " + Files.getLastModifiedTime(location).toMillis()
          : "");
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unknown " + System.nanoTime(); // never equal: no compile is taken as up to date
    }
  }
}
