package org.librarycampaign.dashboard.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.librarycampaign.dashboard.facts.CalendarFlag;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.MilestoneFact;
import org.librarycampaign.dashboard.facts.PostFact;

/** Facts of two branches' calendars, for the feed tests. */
public final class FeedFacts {

  public static final Instant DECIDED = Instant.parse("2026-12-01T09:00:00Z");

  final List<PostFact> posts = new ArrayList<>();
  final List<DecisionFact> decisions = new ArrayList<>();
  final List<MilestoneFact> milestones = new ArrayList<>();
  final List<CalendarFlag> flags = new ArrayList<>();

  public static PostFact post(String postId, String branch, String platform, String at) {
    Instant scheduled = Instant.parse(at);
    return new PostFact(
        postId,
        1,
        branch,
        platform,
        "CAMPAIGN",
        "budget-2027",
        "Vote for the library budget on " + at,
        List.of(),
        List.of(),
        List.of(),
        0,
        scheduled,
        "jlee",
        Instant.parse("2026-11-30T08:00:00Z"),
        false,
        null,
        null);
  }

  public static DecisionFact decision(PostFact post, String status, Instant decidedAt) {
    return new DecisionFact(
        post.postId(),
        post.revision(),
        post.branchId(),
        post.channel(),
        post.category(),
        post.campaignId(),
        post.scheduledAt(),
        status,
        false,
        "HELD".equals(status)
            ? List.of(new DecisionFact.Reason("DAILY_CAP", "The day is full.", null, null))
            : List.of(),
        List.of(),
        null,
        decidedAt);
  }

  public static MilestoneFact milestone(
      String id,
      int revision,
      String branch,
      String title,
      String start,
      String end,
      boolean cancelled) {
    return new MilestoneFact(
        id,
        revision,
        "COMMUNITY_EVENT",
        "AVOID",
        null,
        branch,
        title,
        Instant.parse(start),
        Instant.parse(end),
        120,
        cancelled);
  }

  /**
   * Riverside: an approved post, a held post in a festival (a conflict), a cancelled event of its
   * own, an every-branch milestone with an amplify gap. Hilltop: a post and an event of its own.
   */
  public static Facts twoBranches() {
    PostFact approved = post("p-approved", "riverside", "mastodon", "2026-12-07T15:00:00Z");
    PostFact held = post("p-held", "riverside", "bluesky", "2026-12-08T17:00:00Z");
    PostFact hilltop = post("p-hilltop", "hilltop", "mastodon", "2026-12-07T15:00:00Z");
    return Facts.builder()
        .posts(List.of(approved, held, hilltop))
        .decisions(
            List.of(
                decision(approved, "APPROVED", DECIDED),
                decision(held, "HELD", DECIDED),
                decision(hilltop, "APPROVED", DECIDED)))
        .milestones(
            List.of(
                milestone(
                    "vote-day",
                    3,
                    "*",
                    "Budget vote",
                    "2026-12-10T14:00:00Z",
                    "2026-12-10T22:00:00Z",
                    false),
                milestone(
                    "festival",
                    1,
                    "riverside",
                    "Riverfront Festival",
                    "2026-12-08T16:00:00Z",
                    "2026-12-09T00:00:00Z",
                    false),
                milestone(
                    "fair",
                    2,
                    "riverside",
                    "Book fair",
                    "2026-12-12T16:00:00Z",
                    "2026-12-12T20:00:00Z",
                    true),
                milestone(
                    "hill-run",
                    1,
                    "hilltop",
                    "Hill run",
                    "2026-12-13T16:00:00Z",
                    "2026-12-13T18:00:00Z",
                    false)))
        .flags(
            List.of(
                new CalendarFlag(
                    new CalendarFlag.Conflict(
                        "p-held",
                        "festival",
                        "riverside",
                        held.scheduledAt(),
                        "Riverfront Festival",
                        Instant.parse("2026-12-08T14:00:00Z"),
                        Instant.parse("2026-12-09T02:00:00Z"),
                        Instant.parse("2026-12-09T02:00:00Z"),
                        "The post falls in the Riverfront Festival.",
                        DECIDED),
                    null),
                new CalendarFlag(
                    null,
                    new CalendarFlag.Gap(
                        "vote-day",
                        "riverside",
                        "budget-2027",
                        "Budget vote",
                        Instant.parse("2026-12-10T14:00:00Z"),
                        "No campaign post in the 72 hours before the Budget vote.",
                        DECIDED))))
        .build();
  }

  private FeedFacts() {}
}
