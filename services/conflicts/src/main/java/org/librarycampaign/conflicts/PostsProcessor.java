package org.librarycampaign.conflicts;

import java.time.ZoneId;
import library.campaign.events.ConflictEvent;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.librarycampaign.conflicts.calendar.ConflictCalendar;
import org.librarycampaign.conflicts.calendar.Outcome;
import org.librarycampaign.platform.events.EventType;
import org.librarycampaign.platform.state.Retention;

/**
 * Posts drafted and withdrawn, checked against the calendar. It also runs the task's retention
 * ({@link ConflictsRetention}): once per task, and posts flow through every task.
 */
final class PostsProcessor extends CalendarProcessor<PostEvent> {

  private final Retention retention;

  PostsProcessor(ZoneId serviceZone, Retention retention) {
    super("post", serviceZone);
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, ConflictEvent> context) {
    super.init(context);
    ConflictsRetention.schedule(context, retention);
  }

  @Override
  Outcome apply(ConflictCalendar calendar, PostEvent event) {
    Object inner = event.getEvent();
    return switch (EventType.Post.of(event)) {
      case DRAFTED -> calendar.postDrafted(InputEvents.post((PostDrafted) inner));
      case WITHDRAWN -> calendar.postWithdrawn(((PostWithdrawn) inner).getPostId());
      // a review is governance's; the calendar has no use for it
      case REVIEWED -> null;
    };
  }
}
