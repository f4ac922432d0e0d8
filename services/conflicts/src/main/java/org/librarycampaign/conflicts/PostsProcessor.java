package org.librarycampaign.conflicts;

import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import org.librarycampaign.conflicts.calendar.ConflictCalendar;
import org.librarycampaign.conflicts.calendar.ConflictMessages;
import org.librarycampaign.conflicts.calendar.Outcome;

/** Posts drafted and withdrawn, checked against the calendar. */
final class PostsProcessor extends CalendarProcessor<PostEvent> {

  PostsProcessor(ConflictMessages messages) {
    super("post", messages);
  }

  @Override
  Outcome apply(ConflictCalendar calendar, PostEvent event) {
    Object inner = event.getEvent();
    if (inner instanceof PostDrafted drafted) {
      return calendar.postDrafted(InputEvents.post(drafted));
    }
    if (inner instanceof PostWithdrawn withdrawn) {
      return calendar.postWithdrawn(withdrawn.getPostId());
    }
    return null;
  }
}
