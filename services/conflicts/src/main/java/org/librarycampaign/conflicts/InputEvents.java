package org.librarycampaign.conflicts;

import java.time.Duration;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDrafted;
import org.librarycampaign.conflicts.calendar.Milestone;
import org.librarycampaign.conflicts.calendar.MilestoneKind;
import org.librarycampaign.conflicts.calendar.Post;
import org.librarycampaign.conflicts.calendar.Stance;

/** Input records as the calendar's posts and milestones. */
final class InputEvents {

  private InputEvents() {}

  static Post post(PostDrafted drafted) {
    return Post.drafted(
        drafted.getPostId(),
        drafted.getRevision(),
        drafted.getBranchId(),
        drafted.getPlatform().name(),
        drafted.getCategory() == PostCategory.CAMPAIGN,
        drafted.getCampaignId(),
        drafted.getScheduledAt());
  }

  static Milestone milestone(MilestoneEvent event) {
    Stance given = event.getStance() == null ? null : Stance.valueOf(event.getStance().name());
    Integer bufferMinutes = event.getBufferMinutes();
    return new Milestone(
        event.getMilestoneId(),
        event.getRevision(),
        event.getBranchId(),
        Stance.of(given, MilestoneKind.valueOf(event.getKind().name())),
        event.getCampaignId(),
        event.getTitle(),
        event.getStartsAt(),
        event.getEndsAt(),
        bufferMinutes == null
            ? Milestone.DEFAULT_BUFFER
            : Duration.ofMinutes(Math.max(0, bufferMinutes)),
        event.getCancelled());
  }
}
