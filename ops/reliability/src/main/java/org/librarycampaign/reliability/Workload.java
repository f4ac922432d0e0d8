package org.librarycampaign.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The continuous input of the crash scenario, as JSON lines (the form {@code campaign emit} and
 * {@code campaign plan} read): drafts and revisions of content and campaign posts over many
 * branches and days, withdrawals, community events that some posts fall into, and MEDIUM incidents
 * reported and resolved, so that every Streams service has work and state.
 *
 * <p>Chosen so that the outcome does not depend on how the two input topics of one service
 * interleave (which a running service and the plan need not share): incidents are MEDIUM (not a
 * crisis, so governance decides posts alone), a branch has at most one community event a day, and
 * no post carries a hashtag (the first use of a hashtag is decided across branches in arrival
 * order). Every line has a time of its own, one step after the one before.
 */
final class Workload {

  static final int BRANCHES = 24;
  private static final int DAYS = 14;
  private static final Duration STEP = Duration.ofMillis(5);
  private static final String[] PLATFORMS = {"FACEBOOK", "INSTAGRAM", "BLUESKY"};

  private final Instant base;
  private final Instant firstDay;

  /**
   * @param base the time of the first line; posts are scheduled from two days after it
   */
  Workload(Instant base) {
    this.base = base.truncatedTo(ChronoUnit.SECONDS);
    this.firstDay = base.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
  }

  Instant base() {
    return base;
  }

  /** What the services need before any event: the response plan every branch falls back to. */
  List<String> setup() {
    return List.of(
        "{\"type\":\"ResponsePlan\",\"branchId\":\"*\",\"steps\":[\"Brief the branch manager\","
            + "\"Prepare a holding statement\"],\"tiers\":[{\"ackTimeoutMinutes\":600,"
            + "\"responders\":[{\"responderId\":\"comms-lead\",\"name\":\"Ana Ruiz\","
            + "\"role\":\"Communications lead\",\"minSeverity\":\"LOW\",\"contacts\":["
            + "{\"channel\":\"EMAIL\",\"address\":\"ana.ruiz@library.example.org\"},"
            + "{\"channel\":\"SMS\",\"address\":\"+15555550101\"}]}]},"
            + "{\"ackTimeoutMinutes\":600,\"responders\":[{\"responderId\":\"director\","
            + "\"name\":\"Sam Okafor\",\"role\":\"Library director\",\"minSeverity\":\"HIGH\","
            + "\"contacts\":[{\"channel\":\"EMAIL\",\"address\":\"sam@library.example.org\"}]}]}]}");
  }

  /** {@code count} lines of continuous input. */
  List<String> events(int count) {
    List<String> lines = new ArrayList<>(count);
    Map<String, Integer> milestoneRevisions = new HashMap<>();
    List<int[]> posts = new ArrayList<>(); // {post index, branch, revision}
    for (int i = 0; i < count; i++) {
      Instant at = base.plus(STEP.multipliedBy(i));
      int branch = i % BRANCHES;
      if (i % 100 == 7) {
        lines.add(reported(i, branch, at));
      } else if (i % 100 == 57) {
        lines.add(resolved(i - 50, (i - 50) % BRANCHES, at));
      } else if (i % 40 == 3) {
        int day = (i / 40) % DAYS;
        String id = "ms-" + branch + "-" + day;
        int revision = milestoneRevisions.merge(id, 1, Integer::sum);
        lines.add(milestone(id, revision, branch, day));
      } else if (i % 30 == 11 && posts.size() > 10) {
        int[] post = posts.remove(posts.size() - 10);
        lines.add(withdrawn(post[0], post[1], at));
      } else if (i % 9 == 4 && posts.size() > 5) {
        int[] post = posts.get(posts.size() - 5);
        post[2]++;
        lines.add(drafted(post[0], post[2], post[1], at));
      } else {
        posts.add(new int[] {i, branch, 1});
        lines.add(drafted(i, 1, branch, at));
      }
    }
    return lines;
  }

  private String drafted(int index, int revision, int branch, Instant at) {
    boolean campaign = index % 3 == 0;
    int day = (index / BRANCHES) % DAYS;
    // hours 9 to 17; the one at 15 falls into that day's community event, if the branch has one
    int hour = 9 + (index + revision) % 9;
    Instant scheduled = firstDay.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
    return "{\"type\":\"PostDrafted\",\"postId\":\"p-"
        + index
        + "\",\"revision\":"
        + revision
        + ",\"branchId\":\"b"
        + branch
        + "\",\"platform\":\""
        + PLATFORMS[index % PLATFORMS.length]
        + "\",\"category\":\""
        + (campaign ? "CAMPAIGN\",\"campaignId\":\"budget-2027" : "CONTENT")
        + "\",\"text\":\"Post "
        + index
        + " revision "
        + revision
        + ": come to the library, @county!\",\"links\":[\"https://library.example.org/e\"],"
        + "\"scheduledAt\":\""
        + scheduled
        + "\",\"draftedAt\":\""
        + at
        + "\"}";
  }

  private static String withdrawn(int index, int branch, Instant at) {
    return "{\"type\":\"PostWithdrawn\",\"postId\":\"p-"
        + index
        + "\",\"branchId\":\"b"
        + branch
        + "\",\"platform\":\""
        + PLATFORMS[index % PLATFORMS.length]
        + "\",\"reason\":\"Plans changed\",\"withdrawnAt\":\""
        + at
        + "\"}";
  }

  private String milestone(String id, int revision, int branch, int day) {
    Instant starts = firstDay.plus(Duration.ofDays(day)).plus(Duration.ofHours(15));
    return "{\"type\":\"Milestone\",\"milestoneId\":\""
        + id
        + "\",\"revision\":"
        + revision
        + ",\"kind\":\"COMMUNITY_EVENT\",\"branchId\":\"b"
        + branch
        + "\",\"title\":\"Street fair\",\"startsAt\":\""
        + starts
        + "\",\"endsAt\":\""
        + starts.plus(Duration.ofHours(1))
        + "\",\"bufferMinutes\":30}";
  }

  private static String reported(int index, int branch, Instant at) {
    return "{\"type\":\"IncidentReported\",\"incidentId\":\"inc-"
        + index
        + "\",\"branchId\":\"b"
        + branch
        + "\",\"severity\":\"MEDIUM\",\"category\":\"OTHER\",\"summary\":\"A complaint at the"
        + " desk\",\"reportedBy\":\"front desk\",\"reportedAt\":\""
        + at
        + "\"}";
  }

  private static String resolved(int index, int branch, Instant at) {
    return "{\"type\":\"IncidentResolved\",\"incidentId\":\"inc-"
        + index
        + "\",\"branchId\":\"b"
        + branch
        + "\",\"by\":\"Sam Okafor\",\"at\":\""
        + at
        + "\",\"resolution\":\"Answered\"}";
  }
}
