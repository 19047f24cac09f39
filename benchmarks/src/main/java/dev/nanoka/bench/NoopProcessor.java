package dev.nanoka.bench;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A processor for Nanoka's annotations that does nothing: what javac itself charges for running
 * annotation processing over the same sources, the floor under any processor's overhead in
 * figure 1. Run with {@code -processorpath <benchmark classes> -processor dev.nanoka.bench.NoopProcessor}.
 */
@SupportedAnnotationTypes("dev.nanoka.*")
public final class NoopProcessor extends AbstractProcessor {

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return false;
  }
}
