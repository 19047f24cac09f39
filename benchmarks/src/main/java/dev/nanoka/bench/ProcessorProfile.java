package dev.nanoka.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Where a javac run with the processor spends its time: javac in this process
 * ({@code ToolProvider}), the processor from its jar wrapped in a stopwatch, so the time inside
 * {@code init} and {@code process} (per round) is told apart from javac's own work. Used to
 * explain figure 1; prints one line per round.
 *
 * <pre>
 * java -cp … dev.nanoka.bench.ProcessorProfile --processor=… --annotations=… --runtime=…
 *     [--models=1000] [--work=target/bench/profile] [--repeat=2]
 * </pre>
 */
public final class ProcessorProfile {

  private ProcessorProfile() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int models = args.integer("models", 1000);
    Path work = args.path("work", "target/bench/profile");
    Processes.deleteTree(work);
    List<Path> sources = ModelGenerator.write(models, work.resolve("src"));
    Path processorJar = args.path("processor", "");
    String classPath = args.path("annotations", "") + java.io.File.pathSeparator
        + args.path("runtime", "");
    Path schemaTs = work.resolve("drizzle/schema.ts");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (int run = 0; run < args.integer("repeat", 2); run++) {
      try (URLClassLoader loader = new URLClassLoader(new URL[] {processorJar.toUri().toURL()},
          ProcessorProfile.class.getClassLoader());
          StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
        Processor nanoka = ServiceLoader.load(Processor.class, loader).findFirst().orElseThrow();
        Timed timed = new Timed(nanoka);
        Path out = work.resolve("classes" + run);
        Files.createDirectories(out);
        long start = System.nanoTime();
        boolean ok = javac.getTask(null, files, null,
            List.of("-d", out.toString(), "-cp", classPath, "-implicit:none", "-proc:none"),
            null, files.getJavaFileObjectsFromPaths(sources))
            .call();
        double javacOnly = (System.nanoTime() - start) / 1e6;
        Processes.deleteTree(out);
        Files.createDirectories(out);
        var task = javac.getTask(null, files, null,
            List.of("-d", out.toString(), "-cp", classPath, "-implicit:none",
                "-Ananoka.output=" + schemaTs),
            null, files.getJavaFileObjectsFromPaths(sources));
        task.setProcessors(List.of(timed));
        start = System.nanoTime();
        ok &= task.call();
        double total = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "run %d, %d models: javac without processor %s;"
            + " with processor %s, of which inside the processor %s (init %s, rounds %s)%s%n",
            run + 1, models, Report.millis(javacOnly), Report.millis(total),
            Report.millis(timed.total()), Report.millis(timed.initMillis),
            timed.rounds.stream().map(Report::millis).toList(), ok ? "" : " — COMPILE FAILED");
        Processes.deleteTree(out);
      }
    }
  }

  /** A processor that times the one it wraps. */
  static final class Timed implements Processor {
    private final Processor delegate;
    double initMillis;
    final List<Double> rounds = new ArrayList<>();

    Timed(Processor delegate) {
      this.delegate = delegate;
    }

    double total() {
      return initMillis + rounds.stream().mapToDouble(Double::doubleValue).sum();
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
      long start = System.nanoTime();
      delegate.init(env);
      initMillis = (System.nanoTime() - start) / 1e6;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = System.nanoTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        rounds.add((System.nanoTime() - start) / 1e6);
      }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element,
        AnnotationMirror annotation, ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }
}
