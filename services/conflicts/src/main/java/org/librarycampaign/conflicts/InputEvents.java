package org.librarycampaign.conflicts;

import java.time.Duration;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDrafted;
import org.librarycampaign.conflicts.calendar.Milestone;
import org.librarycampaign.conflicts.calendar.Post;
import org.librarycampaign.conflicts.calendar.Stance;
import org.librarycampaign.platform.events.MilestoneDefaults;

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
    return new Milestone(
        event.getMilestoneId(),
        event.getRevision(),
        event.getBranchId(),
        Stance.valueOf(MilestoneDefaults.stance(event).name()),
        event.getCampaignId(),
        event.getTitle(),
        event.getStartsAt(),
        event.getEndsAt(),
        Duration.ofMinutes(Math.max(0, MilestoneDefaults.bufferMinutes(event))),
        event.getCancelled());
  }
}
