package org.librarycampaign.conflicts;

import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.librarycampaign.conflicts.calendar.CalendarState;
import org.librarycampaign.platform.state.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of the calendar (README: retention): every {@code campaign.retention.check-interval} of
 * stream time, the posts scheduled and the milestones ended more than {@code
 * campaign.retention.horizon} before the newest input record are deleted with their index entries.
 * Stream time, not the wall clock: what is forgotten depends on the input alone, so a replay (and
 * {@code campaign plan}) forgets the same things at the same points.
 */
final class ConflictsRetention {

  private static final Logger LOGGER = LoggerFactory.getLogger(ConflictsRetention.class);

  private ConflictsRetention() {}

  /** Schedules the purge in the task of {@code context}, over its calendar stores. */
  static void schedule(ProcessorContext<?, ?> context, Retention retention) {
    CalendarState state = ConflictStores.open(context);
    context.schedule(
        retention.checkInterval(),
        PunctuationType.STREAM_TIME,
        streamTime -> forget(state, retention, Instant.ofEpochMilli(streamTime)));
  }

  static CalendarState.Forgotten forget(CalendarState state, Retention retention, Instant now) {
    CalendarState.Forgotten forgotten = state.forgetEndedBefore(now.minus(retention.horizon()));
    if (forgotten.posts() > 0 || forgotten.milestones() > 0) {
      LOGGER
          .atInfo()
          .addKeyValue("posts", forgotten.posts())
          .addKeyValue("milestones", forgotten.milestones())
          .addKeyValue("horizon", retention.horizon())
          .log("Forgot posts and milestones past the retention horizon");
    }
    return forgotten;
  }
}
