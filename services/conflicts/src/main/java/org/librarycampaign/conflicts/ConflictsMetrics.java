package org.librarycampaign.conflicts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.librarycampaign.conflicts.calendar.Outcome;
import org.librarycampaign.platform.ops.ServiceMetrics;

/** Metric names of the conflicts service, and its counters. */
final class ConflictsMetrics {

  /** Input events by kind (post, milestone) and what happened to them (applied, stale, ...). */
  static final String EVENTS = ServiceMetrics.name(ConflictsService.NAME, "events");

  /** Output records by type: conflict_detected, conflict_cleared, gap_opened, gap_closed. */
  static final String CHANGES = ServiceMetrics.name(ConflictsService.NAME, "changes");

  static final String TAG_INPUT = "input";
  static final String TAG_STATUS = "status";
  static final String TAG_CHANGE = "change";

  private final Map<Outcome.Status, Counter> events = new EnumMap<>(Outcome.Status.class);
  private final Counter detected;
  private final Counter cleared;
  private final Counter gapsOpened;
  private final Counter gapsClosed;

  ConflictsMetrics(MeterRegistry registry, String input) {
    ServiceMetrics metrics = new ServiceMetrics(registry, ConflictsService.NAME);
    for (Outcome.Status status : Outcome.Status.values()) {
      events.put(
          status,
          metrics.counter(
              EVENTS,
              Tags.of(TAG_INPUT, input, TAG_STATUS, status.name().toLowerCase(Locale.ROOT)),
              "Input events read by the conflicts service"));
    }
    detected = change(metrics, "conflict_detected");
    cleared = change(metrics, "conflict_cleared");
    gapsOpened = change(metrics, "gap_opened");
    gapsClosed = change(metrics, "gap_closed");
  }

  private static Counter change(ServiceMetrics metrics, String change) {
    return metrics.counter(
        CHANGES, Tags.of(TAG_CHANGE, change), "Conflict and amplify-gap records written");
  }

  void event(Outcome.Status status) {
    events.get(status).increment();
  }

  void detected() {
    detected.increment();
  }

  void cleared() {
    cleared.increment();
  }

  void gapOpened() {
    gapsOpened.increment();
  }

  void gapClosed() {
    gapsClosed.increment();
  }
}
