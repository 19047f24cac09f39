package dev.nanoka.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and spreads of repeated measurements, in milliseconds. */
public record Stats(List<Double> samplesMillis) {

  public Stats {
    samplesMillis = List.copyOf(samplesMillis);
    if (samplesMillis.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
  }

  public double median() {
    List<Double> sorted = sorted();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  public double min() {
    return sorted().get(0);
  }

  public double max() {
    return sorted().get(sorted().size() - 1);
  }

  private List<Double> sorted() {
    List<Double> sorted = new ArrayList<>(samplesMillis);
    Collections.sort(sorted);
    return sorted;
  }

  /** e.g. {@code 812 ms (790–845, n=5)}. */
  @Override
  public String toString() {
    return Report.millis(median()) + " (" + Report.millis(min()) + "–" + Report.millis(max())
        + ", n=" + samplesMillis.size() + ")";
  }
}
