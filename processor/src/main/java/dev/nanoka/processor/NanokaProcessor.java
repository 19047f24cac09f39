package dev.nanoka.processor;

import com.google.auto.service.AutoService;
import dev.nanoka.processor.model.Annotations;
import dev.nanoka.processor.model.JavaTypeMapper;
import dev.nanoka.processor.model.JsonTypeMapper;
import dev.nanoka.processor.model.ModelDefinition;
import dev.nanoka.processor.model.ModelReader;
import dev.nanoka.processor.model.SchemaAssembler;
import dev.nanoka.processor.ts.DrizzleSchemaRenderer;
import dev.nanoka.runtime.schema.Schema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Reads {@code @Model} records while javac runs and writes the Drizzle schema.ts of each schema.
 *
 * <p>All models are read and checked first, every problem reported at its element; files are
 * written only when the whole compilation is free of Nanoka errors. The work happens once, in the
 * first round that sees a Nanoka annotation.
 */
@AutoService(Processor.class)
public final class NanokaProcessor extends AbstractProcessor {

  private Diagnostics diagnostics;
  private ProcessorOptions options;
  private boolean done;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    diagnostics = new Diagnostics(env.getMessager());
    options = ProcessorOptions.from(env.getOptions());
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
    if (done || annotations.isEmpty()) {
      return false;
    }
    done = true;
    try {
      generate(round);
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      diagnostics.error(null, Message.INTERNAL_ERROR, "the models", trace);
    }
    return false;
  }

  private void generate(RoundEnvironment round) {
    var elements = processingEnv.getElementUtils();
    var types = processingEnv.getTypeUtils();
    List<SchemaPlan> plans = new SchemaPlanner(elements, diagnostics, options).plan(round);

    Map<Path, String> files = new LinkedHashMap<>();
    for (SchemaPlan plan : plans) {
      // JSON type names are declared per schema.ts, so each schema gets its own mapper.
      JsonTypeMapper json = new JsonTypeMapper(types, elements);
      ModelReader reader =
          new ModelReader(elements, types, new JavaTypeMapper(types, json), diagnostics);
      List<ModelDefinition> models = new ArrayList<>();
      boolean complete = true;
      for (TypeElement element : plan.models()) {
        Optional<ModelDefinition> model = reader.read(element);
        complete &= model.isPresent();
        model.ifPresent(models::add);
      }
      Optional<Schema> schema =
          complete ? new SchemaAssembler(diagnostics).assemble(models) : Optional.empty();
      if (plan.output().isEmpty()) {
        diagnostics.warning(plan.origin().orElse(null),
            plan.schema().map(s -> s.mirror()).orElse(null), null, Message.NO_OUTPUT);
      } else if (schema.isPresent()) {
        files.put(plan.output().get(),
            DrizzleSchemaRenderer.render(schema.get(), json.declarations(), plan.description()));
      }
    }
    if (diagnostics.hasErrors()) {
      return; // nothing is written from a model with errors
    }
    for (Map.Entry<Path, String> file : files.entrySet()) {
      try {
        SchemaFileWriter.writeIfChanged(file.getKey(), file.getValue());
      } catch (IOException e) {
        diagnostics.error(null, Message.WRITE_FAILED, file.getKey(), e);
      }
    }
  }
}
