package org.librarycampaign.crisis;

import io.micrometer.core.instrument.Metrics;
import java.util.Locale;
import org.librarycampaign.crisis.response.NoticeKind;

/** The crisis service's metrics, on the process's registry (served at {@code /metrics}). */
public final class CrisisMetrics {

  /** Notifications written, tagged {@code kind} = alert or resolution. */
  public static final String NOTIFICATIONS = "campaign.crisis.notifications";

  /** Incidents reported, tagged {@code outcome} = routed or unrouted. */
  public static final String INCIDENTS = "campaign.crisis.incidents";

  /** Tiers after tier 0 reached because nobody acknowledged in time. */
  public static final String ESCALATIONS = "campaign.crisis.escalations";

  /** Notifications not written because their id had already been written. */
  public static final String DUPLICATES_SUPPRESSED = "campaign.crisis.duplicates.suppressed";

  private CrisisMetrics() {}

  static void notificationWritten(NoticeKind kind) {
    Metrics.counter(NOTIFICATIONS, "kind", kind.name().toLowerCase(Locale.ROOT)).increment();
  }

  static void incidentReported(boolean routed) {
    Metrics.counter(INCIDENTS, "outcome", routed ? "routed" : "unrouted").increment();
  }

  static void escalated(int tiers) {
    Metrics.counter(ESCALATIONS).increment(tiers);
  }

  static void duplicateSuppressed() {
    Metrics.counter(DUPLICATES_SUPPRESSED).increment();
  }
}
