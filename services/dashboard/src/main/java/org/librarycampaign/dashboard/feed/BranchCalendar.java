package org.librarycampaign.dashboard.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.librarycampaign.dashboard.facts.CalendarFlag;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.MilestoneFact;
import org.librarycampaign.dashboard.facts.PostFact;

/**
 * A branch's calendar as an iCalendar (RFC 5545) feed, from the dashboard's facts: its posts with
 * their status, the milestones that concern it (its own and every branch's), the conflicts of its
 * posts and its amplify gaps. Plain Java over the facts; no Kafka.
 *
 * <p>Every event has a UID made from its ids ({@code post-<postId>@library-campaign}, {@code
 * milestone-<milestoneId>@...}, {@code conflict-<postId>-<milestoneId>@...}, {@code
 * gap-<milestoneId>-<branchId>@...}), so a calendar app updates it in place. SEQUENCE grows when it
 * changes: a milestone's revision; for a post, a conflict and a gap, the seconds from 2020 to its
 * latest change (drafted, decided, withdrawn, detected), which only grow. Times are UTC ({@code
 * ...Z}); the calendar app shows them in the reader's zone. A post lasts 15 minutes on the
 * calendar; a gap spans the 72 hours before its milestone in which an amplifying post is missing. A
 * conflict that is cleared or a gap that is closed leaves the feed.
 */
public final class BranchCalendar {

  static final String DOMAIN = "@library-campaign";
  static final Duration POST_LENGTH = Duration.ofMinutes(15);
  static final Duration GAP_LENGTH = Duration.ofHours(72);
  private static final Instant SEQUENCE_EPOCH = Instant.parse("2020-01-01T00:00:00Z");
  private static final int TITLE_TEXT = 60;

  private BranchCalendar() {}

  /** The feed of {@code branchId}, as the text a calendar app reads. */
  public static String ics(Facts facts, String branchId) {
    Calendar calendar = calendar(facts, branchId);
    try {
      java.io.StringWriter out = new java.io.StringWriter();
      new CalendarOutputter(false).output(calendar, out);
      return out.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Calendar calendar(Facts facts, String branchId) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Library campaign pipeline//Branch calendar//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", "Campaign calendar: " + branchId));
    Map<String, DecisionFact> decisions = new HashMap<>();
    facts.decisions().forEach(decision -> decisions.put(decision.postId(), decision));
    List<VEvent> events = new ArrayList<>();
    for (PostFact post : facts.posts()) {
      if (post.branchId().equals(branchId)) {
        events.add(post(post, decisions.get(post.postId())));
      }
    }
    for (MilestoneFact milestone : facts.milestones()) {
      if (milestone.appliesTo(branchId)) {
        events.add(milestone(milestone));
      }
    }
    for (CalendarFlag flag : facts.flags()) {
      if (flag.conflict() != null && flag.conflict().branchId().equals(branchId)) {
        events.add(conflict(flag.conflict()));
      } else if (flag.gap() != null && flag.gap().branchId().equals(branchId)) {
        events.add(gap(flag.gap()));
      }
    }
    events.forEach(calendar::add);
    return calendar;
  }

  /** What a post's status is on the calendar: its decision, else pending, or withdrawn. */
  static String status(PostFact post, DecisionFact decision) {
    if (post.withdrawn()) {
      return "WITHDRAWN";
    }
    if (decision == null || decision.revision() != post.revision()) {
      return "PENDING";
    }
    return decision.status();
  }

  private static VEvent post(PostFact post, DecisionFact decision) {
    String status = status(post, decision);
    Instant changed = post.draftedAt();
    if (decision != null && decision.decidedAt() != null && decision.decidedAt().isAfter(changed)) {
      changed = decision.decidedAt();
    }
    if (post.withdrawnAt() != null && post.withdrawnAt().isAfter(changed)) {
      changed = post.withdrawnAt();
    }
    StringBuilder description = new StringBuilder(post.text());
    if (decision != null && "PENDING".equals(status) == false) {
      for (DecisionFact.Reason reason : decision.reasons()) {
        description.append("\n").append(reason.code()).append(": ").append(reason.message());
      }
    }
    if (post.withdrawn() && post.withdrawnReason() != null) {
      description.append("\nWithdrawn: ").append(post.withdrawnReason());
    }
    return event(
        "post-" + post.postId(),
        sequence(changed),
        changed,
        post.scheduledAt(),
        post.scheduledAt().plus(POST_LENGTH),
        "Post (" + status + ") " + post.platform() + ": " + shortText(post.text()),
        description.toString(),
        switch (status) {
          case "APPROVED" -> ImmutableStatus.VEVENT_CONFIRMED;
          case "REJECTED", "WITHDRAWN" -> ImmutableStatus.VEVENT_CANCELLED;
          default -> ImmutableStatus.VEVENT_TENTATIVE;
        },
        "POST," + status + "," + post.category());
  }

  private static VEvent milestone(MilestoneFact milestone) {
    return event(
        "milestone-" + milestone.milestoneId(),
        milestone.revision(),
        null,
        milestone.startsAt(),
        milestone.endsAt(),
        milestone.title(),
        milestone.kind()
            + ", "
            + milestone.stance()
            + (milestone.campaignId() == null ? "" : ", campaign " + milestone.campaignId()),
        milestone.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED,
        "MILESTONE," + milestone.kind() + "," + milestone.stance());
  }

  private static VEvent conflict(CalendarFlag.Conflict conflict) {
    return event(
        "conflict-" + conflict.postId() + "-" + conflict.milestoneId(),
        sequence(conflict.detectedAt()),
        conflict.detectedAt(),
        conflict.scheduledAt(),
        conflict.scheduledAt().plus(POST_LENGTH),
        "Conflict: post " + conflict.postId() + " during " + conflict.milestoneTitle(),
        conflict.message(),
        ImmutableStatus.VEVENT_CONFIRMED,
        "CONFLICT");
  }

  private static VEvent gap(CalendarFlag.Gap gap) {
    return event(
        "gap-" + gap.milestoneId() + "-" + gap.branchId(),
        sequence(gap.at()),
        gap.at(),
        gap.startsAt().minus(GAP_LENGTH),
        gap.startsAt(),
        "Amplify gap: no campaign post before " + gap.milestoneTitle(),
        gap.message(),
        ImmutableStatus.VEVENT_CONFIRMED,
        "AMPLIFY_GAP");
  }

  private static VEvent event(
      String uid,
      int sequence,
      Instant changed,
      Instant start,
      Instant end,
      String summary,
      String description,
      Status status,
      String categories) {
    VEvent event = new VEvent(false);
    event.add(new Uid(uid + DOMAIN));
    // DTSTAMP is required; the change time (or the epoch of sequences) keeps the feed the same
    // text for the same facts, so a calendar app that compares sees no change
    event.add(new DtStamp(changed == null ? SEQUENCE_EPOCH : changed));
    event.add(new DtStart<>(start));
    event.add(new DtEnd<>(end.isAfter(start) ? end : start.plus(Duration.ofMinutes(1))));
    event.add(new Sequence(sequence));
    event.add(new Summary(summary));
    if (description != null && !description.isBlank()) {
      event.add(new Description(description));
    }
    event.add(status);
    event.add(new Categories(categories));
    return event;
  }

  static int sequence(Instant changed) {
    if (changed == null) {
      return 0;
    }
    long seconds = Duration.between(SEQUENCE_EPOCH, changed).getSeconds();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds));
  }

  private static String shortText(String text) {
    String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return line.length() <= TITLE_TEXT ? line : line.substring(0, TITLE_TEXT - 1) + "…";
  }
}
