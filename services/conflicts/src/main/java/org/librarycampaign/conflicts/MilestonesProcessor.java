package org.librarycampaign.conflicts;

import java.time.ZoneId;
import library.campaign.events.MilestoneEvent;
import org.librarycampaign.conflicts.calendar.ConflictCalendar;
import org.librarycampaign.conflicts.calendar.Outcome;

/** Milestones announced, changed or cancelled, re-checking the posts they touch. */
final class MilestonesProcessor extends CalendarProcessor<MilestoneEvent> {

  MilestonesProcessor(ZoneId serviceZone) {
    super("milestone", serviceZone);
  }

  @Override
  Outcome apply(ConflictCalendar calendar, MilestoneEvent event) {
    return calendar.milestone(InputEvents.milestone(event));
  }
}
