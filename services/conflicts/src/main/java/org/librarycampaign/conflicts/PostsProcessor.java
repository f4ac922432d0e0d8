package org.librarycampaign.conflicts;

import java.time.ZoneId;
import library.campaign.events.ConflictEvent;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostReviewed;
import library.campaign.events.PostWithdrawn;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.librarycampaign.conflicts.calendar.ConflictCalendar;
import org.librarycampaign.conflicts.calendar.Outcome;
import org.librarycampaign.platform.events.EventType;
import org.librarycampaign.platform.state.Retention;
import org.librarycampaign.platform.streams.OwnershipGate;

/**
 * Posts drafted, withdrawn, rescheduled or rejected by a reviewer, checked against the calendar. It
 * also runs the task's retention ({@link ConflictsRetention}): once per task, and posts flow
 * through every task.
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
    // a post id belongs to the branch the calendar's post was first drafted for: another branch's
    // draft, withdrawal or review of it goes to dead letters (OWNERSHIP, the record's own bytes, by
    // the processing handler inside the transaction) before the calendar changes; an id the
    // calendar does not know is not claimed, only a draft stores a post
    // (docs/ARCHITECTURE.md#ownership-and-placement)
    OwnershipGate.refuseIfOwnedByAnotherBranch(event, "postId", calendar::ownerOf);
    Object inner = event.getEvent();
    return switch (EventType.Post.of(event)) {
      case DRAFTED -> calendar.postDrafted(InputEvents.post((PostDrafted) inner));
      case WITHDRAWN -> calendar.postWithdrawn(((PostWithdrawn) inner).getPostId());
      case REVIEWED -> reviewed(calendar, (PostReviewed) inner);
    };
  }

  /**
   * A RESCHEDULE moves the post (governance's revision r+1 at the new time), a REJECT takes it off
   * the calendar; an APPROVE changes nothing here (services/conflicts/README.md#rules).
   */
  private static Outcome reviewed(ConflictCalendar calendar, PostReviewed review) {
    return switch (review.getAction()) {
      case RESCHEDULE ->
          review.getScheduledAt() == null
              ? null
              : calendar.postRescheduled(
                  review.getPostId(), review.getRevision(), review.getScheduledAt());
      case REJECT -> calendar.postRejected(review.getPostId(), review.getRevision());
      default -> null;
    };
  }
}
