package org.librarycampaign.conflicts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.librarycampaign.conflicts.calendar.Outcome;

/** Metric names of the conflicts service, and its counters. */
final class ConflictsMetrics {

  /** Input events by kind (post, milestone) and what happened to them (applied, stale, ...). */
  static final String EVENTS = "campaign.conflicts.events";

  /** Output records by type: conflict_detected, conflict_cleared, gap_opened, gap_closed. */
  static final String CHANGES = "campaign.conflicts.changes";

  static final String TAG_INPUT = "input";
  static final String TAG_STATUS = "status";
  static final String TAG_CHANGE = "change";

  private final Map<Outcome.Status, Counter> events = new EnumMap<>(Outcome.Status.class);
  private final Counter detected;
  private final Counter cleared;
  private final Counter gapsOpened;
  private final Counter gapsClosed;

  ConflictsMetrics(MeterRegistry registry, String input) {
    for (Outcome.Status status : Outcome.Status.values()) {
      events.put(
          status,
          Counter.builder(EVENTS)
              .description("Input events read by the conflicts service")
              .tag(TAG_INPUT, input)
              .tag(TAG_STATUS, status.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
    detected = change(registry, "conflict_detected");
    cleared = change(registry, "conflict_cleared");
    gapsOpened = change(registry, "gap_opened");
    gapsClosed = change(registry, "gap_closed");
  }

  private static Counter change(MeterRegistry registry, String change) {
    return Counter.builder(CHANGES)
        .description("Conflict and amplify-gap records written")
        .tag(TAG_CHANGE, change)
        .register(registry);
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
