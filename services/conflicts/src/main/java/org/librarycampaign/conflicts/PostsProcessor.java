package org.librarycampaign.conflicts;

import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import org.librarycampaign.conflicts.calendar.ConflictCalendar;
import org.librarycampaign.conflicts.calendar.ConflictMessages;
import org.librarycampaign.conflicts.calendar.Outcome;
import org.librarycampaign.platform.events.EventType;

/** Posts drafted and withdrawn, checked against the calendar. */
final class PostsProcessor extends CalendarProcessor<PostEvent> {

  PostsProcessor(ConflictMessages messages) {
    super("post", messages);
  }

  @Override
  Outcome apply(ConflictCalendar calendar, PostEvent event) {
    Object inner = event.getEvent();
    return switch (EventType.Post.of(event)) {
      case DRAFTED -> calendar.postDrafted(InputEvents.post((PostDrafted) inner));
      case WITHDRAWN -> calendar.postWithdrawn(((PostWithdrawn) inner).getPostId());
    };
  }
}
