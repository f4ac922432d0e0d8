package org.librarycampaign.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The highest paced rate a path keeps up with, found by a short step search, and the rule that says
 * whether one paced run kept up. Pure functions: the probes that send events and count outputs are
 * {@link LatencyPhase}'s.
 *
 * <p>Why: a throughput phase drains a pre-filled topic (large batches, one transaction per commit
 * interval full of records), and a steady trickle batches less, so half of the backlog rate may be
 * more than half of what a paced run sustains. The latency phase offers half of the rate found here
 * instead, so that its percentiles are of a path that keeps up, not of a growing queue.
 */
final class RateSearch {

  /**
   * How much the lag may grow from the first third of a run to its last, in seconds of offered
   * events, and still count as kept up: about two commit intervals of a two-hop path under
   * exactly-once, which the lag swings by from commit to commit.
   */
  static final double GROWTH_ALLOWED_SECONDS = 0.25;

  /** The most the lag may be at the end of a run that kept up, in seconds of offered events. */
  static final double LAG_ALLOWED_SECONDS = 1.5;

  private RateSearch() {}

  /** One paced run: its rate, whether it kept up, and the figures that said so. */
  record Step(double rate, boolean keptUp, String why) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "%,.0f/s %s (%s)", rate, keptUp ? "kept up" : "fell behind", why);
    }
  }

  /**
   * What the search found: the highest rate that kept up (or, if none did, the lowest tried, with
   * {@code found} false), and every step on the way.
   */
  record Result(double rate, boolean found, List<Step> steps) {

    /** How the rate was found, in one line for the console and the results. */
    String describe() {
      StringBuilder line = new StringBuilder();
      for (Step step : steps) {
        line.append(line.isEmpty() ? "" : "; ").append(step);
      }
      return String.format(
          Locale.ROOT,
          "%s: %,.0f/s (%s)",
          found ? "highest paced rate that kept up" : "no paced rate kept up, lowest tried",
          rate,
          line);
    }
  }

  /** Runs one paced probe at a rate. */
  @FunctionalInterface
  interface Probe {
    Step run(double rate) throws Exception;
  }

  /**
   * Probes {@code start} (the backlog rate: a paced run is not expected to beat it), then steps
   * down by {@code factor} until a probe keeps up or {@code maxProbes} have run. The result is the
   * first rate that kept up; a step search, not a bisection, so its time is bounded by {@code
   * maxProbes} probes and its answer is within one step of the true limit.
   */
  static Result highestSustainable(double start, double factor, int maxProbes, Probe probe)
      throws Exception {
    if (!(start > 0) || !(factor > 0 && factor < 1) || maxProbes < 1) {
      throw new IllegalArgumentException(
          "need start > 0, 0 < factor < 1, maxProbes >= 1; got "
              + start
              + ", "
              + factor
              + ", "
              + maxProbes);
    }
    List<Step> steps = new ArrayList<>();
    double rate = start;
    for (int i = 0; i < maxProbes; i++) {
      Step step = probe.run(rate);
      steps.add(step);
      if (step.keptUp()) {
        return new Result(rate, true, List.copyOf(steps));
      }
      rate *= factor;
    }
    return new Result(steps.get(steps.size() - 1).rate(), false, List.copyOf(steps));
  }

  /**
   * Whether a paced run kept up, from the lag sampled at even intervals while it sent (events sent
   * whose output had not arrived) and what was still missing once the drain timed out. Kept up when
   * nothing went missing, the lag did not grow from the run's first third to its last by more than
   * {@link #GROWTH_ALLOWED_SECONDS} of offered events, and it ended below {@link
   * #LAG_ALLOWED_SECONDS} of them. Lag is a count of events; a second of it is {@code rate} events.
   */
  static Step judge(double rate, long[] lagSamples, long missing) {
    if (lagSamples.length < 3) {
      throw new IllegalArgumentException(
          "need at least 3 lag samples to compare a run's start with its end, got "
              + lagSamples.length);
    }
    int third = lagSamples.length / 3;
    double first = mean(lagSamples, 0, third) / rate;
    double last = mean(lagSamples, lagSamples.length - third, lagSamples.length) / rate;
    String why =
        String.format(
            Locale.ROOT,
            "lag %.2f s in the first third, %.2f s in the last, %d missing",
            first,
            last,
            missing);
    boolean keptUp =
        missing == 0 && last - first <= GROWTH_ALLOWED_SECONDS && last <= LAG_ALLOWED_SECONDS;
    return new Step(rate, keptUp, why);
  }

  private static double mean(long[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }
}
