package org.librarycampaign.crisis;

import java.util.Locale;
import org.librarycampaign.crisis.response.NoticeKind;
import org.librarycampaign.platform.ops.ServiceMetrics;

/** The crisis service's metrics, on the process's registry (served at {@code /metrics}). */
public final class CrisisMetrics {

  private static final ServiceMetrics METRICS = ServiceMetrics.of(CrisisService.NAME);

  /** Notifications written, tagged {@code kind} = alert, repeat, fallback or resolution. */
  public static final String NOTIFICATIONS = METRICS.name("notifications");

  /** Incidents reported, tagged {@code outcome} = routed or unrouted. */
  public static final String INCIDENTS = METRICS.name("incidents");

  /** Tiers after tier 0 reached because nobody acknowledged in time. */
  public static final String ESCALATIONS = METRICS.name("escalations");

  /** Repeats of a last tier sent because nobody acknowledged. */
  public static final String REPEATS = METRICS.name("repeats");

  /** Incidents nobody acknowledged through the last tier and its repeats. */
  public static final String EXHAUSTED = METRICS.name("exhausted");

  /** Notifications not written because their id had already been written. */
  public static final String DUPLICATES_SUPPRESSED = METRICS.name("duplicates.suppressed");

  private CrisisMetrics() {}

  static void notificationWritten(NoticeKind kind) {
    METRICS.counter(NOTIFICATIONS, "kind", kind.name().toLowerCase(Locale.ROOT)).increment();
  }

  static void incidentReported(boolean routed) {
    METRICS.counter(INCIDENTS, "outcome", routed ? "routed" : "unrouted").increment();
  }

  static void escalated(int tiers) {
    METRICS.counter(ESCALATIONS).increment(tiers);
  }

  static void repeated(int repeats) {
    if (repeats > 0) {
      METRICS.counter(REPEATS).increment(repeats);
    }
  }

  static void exhausted() {
    METRICS.counter(EXHAUSTED).increment();
  }

  static void duplicateSuppressed() {
    METRICS.counter(DUPLICATES_SUPPRESSED).increment();
  }
}
