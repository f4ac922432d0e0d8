package org.librarycampaign.crisis.response;

/**
 * How the last tier of a plan is repeated when nobody acknowledges (README: rules, repeat): told
 * again every {@code everyMinutes} units, {@code times} times; then the incident is exhausted.
 * Negative values count as zero.
 */
public record Repeat(int everyMinutes, int times) {

  /** A plan that says nothing: every 15 minutes, twice. */
  public static final Repeat DEFAULT = new Repeat(15, 2);

  public Repeat {
    everyMinutes = Math.max(0, everyMinutes);
    times = Math.max(0, times);
  }
}
