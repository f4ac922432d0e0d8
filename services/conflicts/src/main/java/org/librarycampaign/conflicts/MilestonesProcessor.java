package org.librarycampaign.conflicts;

import library.campaign.events.MilestoneEvent;
import org.librarycampaign.conflicts.calendar.ConflictCalendar;
import org.librarycampaign.conflicts.calendar.ConflictMessages;
import org.librarycampaign.conflicts.calendar.Outcome;

/** Milestones announced, changed or cancelled, re-checking the posts they touch. */
final class MilestonesProcessor extends CalendarProcessor<MilestoneEvent> {

  MilestonesProcessor(ConflictMessages messages) {
    super("milestone", messages);
  }

  @Override
  Outcome apply(ConflictCalendar calendar, MilestoneEvent event) {
    return calendar.milestone(InputEvents.milestone(event));
  }
}
