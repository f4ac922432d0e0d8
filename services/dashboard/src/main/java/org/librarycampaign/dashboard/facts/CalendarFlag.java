package org.librarycampaign.dashboard.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.AmplifyGap;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictDetected;
import library.campaign.events.ConflictEvent;

/**
 * What {@code campaign.conflicts} says is wrong with the calendar now: a post inside a community
 * event's avoid window ({@link #conflict}), or an amplify milestone without a campaign post in the
 * 72 hours before it ({@link #gap}); exactly one of the two is set.
 *
 * <p>The topic is keyed by postId, so a post conflicting with two events has one key for both; the
 * flags are kept per pair instead ({@code post:<postId>|<milestoneId>}), so that clearing one
 * conflict leaves the other standing. Gaps are kept as {@code gap:<milestoneId>/<branchId>}. A
 * cleared conflict or a closed gap removes its flag.
 */
public record CalendarFlag(Conflict conflict, Gap gap) {

  /** A post scheduled inside an avoid window, and the first free time after it. */
  public record Conflict(
      String postId,
      String milestoneId,
      String branchId,
      Instant scheduledAt,
      String milestoneTitle,
      Instant avoidFrom,
      Instant avoidUntil,
      Instant suggestedAt,
      String message,
      Instant detectedAt) {}

  /** No campaign post of the milestone's campaign for the branch in the 72 h before it. */
  public record Gap(
      String milestoneId,
      String branchId,
      String campaignId,
      String milestoneTitle,
      Instant startsAt,
      String message,
      Instant at) {}

  public static String conflictKey(String postId, String milestoneId) {
    return "post:" + postId + "|" + milestoneId;
  }

  public static String gapKey(String milestoneId, String branchId) {
    return "gap:" + milestoneId + "/" + branchId;
  }

  public static Fold<ConflictEvent, CalendarFlag> fold() {
    return CalendarFlag::apply;
  }

  static List<Change<CalendarFlag>> apply(
      String recordKey, ConflictEvent value, Function<String, CalendarFlag> current) {
    if (value == null) {
      return List.of();
    }
    Object event = value.getEvent();
    if (event instanceof ConflictDetected detected) {
      return List.of(
          Change.put(
              conflictKey(detected.getPostId(), detected.getMilestoneId()),
              new CalendarFlag(
                  new Conflict(
                      detected.getPostId(),
                      detected.getMilestoneId(),
                      detected.getBranchId(),
                      detected.getScheduledAt(),
                      detected.getMilestoneTitle(),
                      detected.getAvoidFrom(),
                      detected.getAvoidUntil(),
                      detected.getSuggestedAt(),
                      detected.getMessage(),
                      detected.getDetectedAt()),
                  null)));
    }
    if (event instanceof ConflictCleared cleared) {
      return List.of(Change.delete(conflictKey(cleared.getPostId(), cleared.getMilestoneId())));
    }
    if (event instanceof AmplifyGap gap) {
      String key = gapKey(gap.getMilestoneId(), gap.getBranchId());
      if (!gap.getOpen()) {
        return List.of(Change.delete(key));
      }
      return List.of(
          Change.put(
              key,
              new CalendarFlag(
                  null,
                  new Gap(
                      gap.getMilestoneId(),
                      gap.getBranchId(),
                      gap.getCampaignId(),
                      gap.getMilestoneTitle(),
                      gap.getStartsAt(),
                      gap.getMessage(),
                      gap.getAt()))));
    }
    return List.of();
  }
}
