package org.librarycampaign.conflicts.calendar;

import java.time.Duration;
import java.time.Instant;
import org.librarycampaign.platform.time.LocalZones;

/** Posts and milestones for the calendar's unit tests. */
final class Calendars {

  private Calendars() {}

  static Instant at(String isoInstant) {
    return Instant.parse(isoInstant);
  }

  static Post content(String postId, int revision, String branchId, Instant at) {
    return Post.drafted(postId, revision, branchId, "FACEBOOK", false, null, at);
  }

  static Post campaign(
      String postId, int revision, String branchId, String campaignId, Instant at) {
    return Post.drafted(postId, revision, branchId, "FACEBOOK", true, campaignId, at);
  }

  static Milestone avoid(
      String id, int revision, String scope, String title, Instant from, Instant to, int buffer) {
    return new Milestone(
        id,
        revision,
        scope,
        Stance.AVOID,
        null,
        title,
        from,
        to,
        Duration.ofMinutes(buffer),
        false);
  }

  static Milestone amplify(
      String id, int revision, String scope, String campaignId, String title, Instant startsAt) {
    return new Milestone(
        id,
        revision,
        scope,
        Stance.AMPLIFY,
        campaignId,
        title,
        startsAt,
        startsAt.plus(Duration.ofHours(2)),
        Milestone.DEFAULT_BUFFER,
        false);
  }

  static Milestone cancelled(Milestone milestone, int revision) {
    return new Milestone(
        milestone.milestoneId(),
        revision,
        milestone.scope(),
        milestone.stance(),
        milestone.campaignId(),
        milestone.title(),
        milestone.startsAt(),
        milestone.endsAt(),
        milestone.buffer(),
        true);
  }

  static ConflictCalendar calendar() {
    return new ConflictCalendar(new CalendarState(MapStore.stores()));
  }

  /** A calendar whose channels take their zone and posting window from {@code zones}. */
  static ConflictCalendar calendar(LocalZones zones) {
    return new ConflictCalendar(new CalendarState(MapStore.stores()), zones);
  }
}
