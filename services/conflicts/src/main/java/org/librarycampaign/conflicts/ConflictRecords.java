package org.librarycampaign.conflicts;

import java.time.Instant;
import library.campaign.events.AmplifyGap;
import library.campaign.events.ClearCause;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictDetected;
import library.campaign.events.ConflictEvent;
import org.librarycampaign.conflicts.calendar.CalendarChange;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictEnded;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictStarted;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapClosed;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapOpened;
import org.librarycampaign.conflicts.calendar.ConflictMessages;
import org.librarycampaign.conflicts.calendar.Milestone;

/**
 * Calendar changes as records of {@code campaign.conflicts}: keyed by postId, an amplify gap by
 * {@code gap:<milestoneId>/<branchId>}; every time is the time of the input record that caused it.
 */
final class ConflictRecords {

  /** One output record. */
  record Output(String key, ConflictEvent value) {}

  ConflictRecords() {}

  static String gapKey(String milestoneId, String branchId) {
    return "gap:" + milestoneId + "/" + branchId;
  }

  /**
   * @param messages the words in the zone of the people who read about this change
   */
  Output of(CalendarChange change, Instant at, ConflictMessages messages) {
    if (change instanceof ConflictStarted started) {
      return detected(started, at, messages);
    }
    if (change instanceof ConflictEnded ended) {
      return cleared(ended, at, messages);
    }
    if (change instanceof GapOpened opened) {
      return gap(opened.milestone(), opened.branchId(), true, messages.gapOpened(opened), at);
    }
    GapClosed closed = (GapClosed) change;
    return gap(closed.milestone(), closed.branchId(), false, messages.gapClosed(closed), at);
  }

  private static Output detected(ConflictStarted started, Instant at, ConflictMessages messages) {
    Milestone milestone = started.milestone();
    ConflictDetected detected =
        ConflictDetected.newBuilder()
            .setPostId(started.post().postId())
            .setMilestoneId(milestone.milestoneId())
            .setBranchId(started.post().branchId())
            .setScheduledAt(started.post().scheduledAt())
            .setMilestoneTitle(milestone.title())
            .setAvoidFrom(milestone.avoidFrom())
            .setAvoidUntil(milestone.avoidUntil())
            .setSuggestedAt(started.suggestion().suggestedAt())
            .setMessage(messages.detected(started))
            .setDetectedAt(at)
            .build();
    return new Output(
        started.post().postId(), ConflictEvent.newBuilder().setEvent(detected).build());
  }

  private static Output cleared(ConflictEnded ended, Instant at, ConflictMessages messages) {
    ConflictCleared cleared =
        ConflictCleared.newBuilder()
            .setPostId(ended.post().postId())
            .setMilestoneId(ended.milestone().milestoneId())
            .setBranchId(ended.post().branchId())
            .setCause(ClearCause.valueOf(ended.reason().name()))
            .setMessage(messages.cleared(ended))
            .setClearedAt(at)
            .build();
    return new Output(ended.post().postId(), ConflictEvent.newBuilder().setEvent(cleared).build());
  }

  private static Output gap(
      Milestone milestone, String branchId, boolean open, String message, Instant at) {
    AmplifyGap gap =
        AmplifyGap.newBuilder()
            .setMilestoneId(milestone.milestoneId())
            .setBranchId(branchId)
            .setCampaignId(milestone.campaignId())
            .setMilestoneTitle(milestone.title())
            .setStartsAt(milestone.startsAt())
            .setOpen(open)
            .setMessage(message)
            .setAt(at)
            .build();
    return new Output(
        gapKey(milestone.milestoneId(), branchId),
        ConflictEvent.newBuilder().setEvent(gap).build());
  }
}
