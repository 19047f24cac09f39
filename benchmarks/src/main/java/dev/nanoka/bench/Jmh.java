package dev.nanoka.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs JMH benchmarks from a figure's main and hands back their scores. */
public final class Jmh {

  private Jmh() {}

  /** One benchmark's result: its method, its parameters, and the score's statistics in ms. */
  public record Score(String method, Map<String, String> params, double median, double mean,
      double min, double max, long n) {

    public String describe() {
      return Report.millis(median) + " (" + Report.millis(min) + "–" + Report.millis(max)
          + ", n=" + n + ")";
    }
  }

  /** How to run: mode, warm-up and measurement iterations, forks. */
  public record Plan(Mode mode, int warmups, int iterations, int forks, double iterationSeconds) {}

  /**
   * Runs the methods matching {@code include} (a regular expression over
   * {@code package.Class.method}) with the given plan and parameters, in milliseconds per op.
   */
  public static List<Score> run(String include, Plan plan, Map<String, String[]> params,
      List<String> jvmArgs, java.nio.file.Path log) throws RunnerException {
    System.out.println("  (JMH running " + include + "; its log: " + log + ")");
    ChainedOptionsBuilder options = new OptionsBuilder()
        .output(log.toString())
        .include(include)
        .mode(plan.mode())
        .timeUnit(TimeUnit.MILLISECONDS)
        .warmupIterations(plan.warmups())
        .measurementIterations(plan.iterations())
        .forks(plan.forks())
        .shouldFailOnError(true)
        .jvmArgsAppend(jvmArgs.toArray(String[]::new));
    if (plan.mode() != Mode.SingleShotTime) {
      TimeValue time = TimeValue.milliseconds((long) (plan.iterationSeconds() * 1000));
      options.warmupTime(time).measurementTime(time);
    }
    params.forEach(options::param);
    Collection<RunResult> results = new Runner(options.build()).run();
    List<Score> scores = new ArrayList<>();
    for (RunResult result : results) {
      var statistics = result.getPrimaryResult().getStatistics();
      Map<String, String> resultParams = new java.util.LinkedHashMap<>();
      for (String key : result.getParams().getParamsKeys()) {
        resultParams.put(key, result.getParams().getParam(key));
      }
      String benchmark = result.getParams().getBenchmark();
      scores.add(new Score(benchmark.substring(benchmark.lastIndexOf('.') + 1), resultParams,
          statistics.getPercentile(50), statistics.getMean(), statistics.getMin(),
          statistics.getMax(), statistics.getN()));
    }
    return scores;
  }

  /** The score of a method (and parameter value, when given). */
  public static Score find(List<Score> scores, String method, String param, String value) {
    return scores.stream()
        .filter(s -> s.method().equals(method))
        .filter(s -> param == null || value.equals(s.params().get(param)))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + method + " " + value));
  }
}
