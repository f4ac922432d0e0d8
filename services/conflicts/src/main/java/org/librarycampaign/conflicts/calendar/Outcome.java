package org.librarycampaign.conflicts.calendar;

import java.util.List;

/** What the calendar did with one event. */
public record Outcome(Status status, List<CalendarChange> changes) {

  public Outcome {
    changes = List.copyOf(changes);
  }

  /** Whether the event was taken in. */
  public enum Status {
    APPLIED,
    /**
     * Its revision was not higher than the last one seen: ignored
     * (services/conflicts/README.md#rules).
     */
    STALE_REVISION,
    /** A withdrawal of a post that is not live: ignored. */
    NOT_LIVE
  }

  static Outcome applied(List<CalendarChange> changes) {
    return new Outcome(Status.APPLIED, changes);
  }

  static Outcome ignored(Status status) {
    return new Outcome(status, List.of());
  }
}
