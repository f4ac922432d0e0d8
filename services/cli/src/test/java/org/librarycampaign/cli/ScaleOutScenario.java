package org.librarycampaign.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated multi-branch scenario of {@link ScaleOutIT}, as the requests a branch system (or
 * the admin) sends to the ingest API, in order. The topology harness gets the same lines in the
 * same order ({@link #lines}).
 *
 * <p>What it holds, and what it leaves out so that the outcome does not depend on how a real
 * cluster interleaves topics (which the harness, running everything in file order, cannot
 * reproduce):
 *
 * <ul>
 *   <li>setup, sent before the Streams services start (so their global stores have it): channel
 *       policies (two branches without political speech), response plans (a default plan and an
 *       escalating plan for the annex branches), milestones (a {@code *} AMPLIFY budget hearing, a
 *       {@code *} AVOID closure, a community event for every other branch); milestones do not
 *       change later, so which post revisions ever meet a window does not depend on arrival;
 *   <li>first half: most drafts of every branch (content and campaign, Facebook and Instagram, many
 *       on a day already full), one MEDIUM incident per branch, a HIGH and a CRITICAL incident on
 *       the two annex branches;
 *   <li>second half: the remaining drafts, revisions that move posts, withdrawals, more incidents,
 *       acknowledgements and resolutions.
 * </ul>
 *
 * <p>The last branch's campaign posts are for another campaign, so its budget-hearing gap stays
 * open.
 *
 * <p>Incidents of branches with posts are MEDIUM: governance pauses campaign posts only for HIGH
 * and CRITICAL, and whether a crisis or a post of a branch comes first is up to Kafka Streams'
 * merge of two topics, not the file. The annex incidents (no posts there) are never acknowledged
 * and escalate after one unit of their plan's first tier. The unit is a second ({@link #SETTINGS},
 * {@code campaign.crisis.ack-timeout-unit=1s}, given to the crisis instances and to the harness
 * alike): in the cluster the escalation comes a second after the report, in the harness once a
 * later line's time passes it. Every other tier waits 100,000 units (28 hours), longer than the
 * scenario's plan time (about six hours) and the run, so neither reaches it. No hashtag is shared
 * between two users, so no {@code HASHTAG_USED_BEFORE} depends on which instance saw a use first.
 */
final class ScaleOutScenario {

  static final String ADMIN = "admin";

  /**
   * Settings of both the harness and the services: one tier unit is a second, and one public URL
   * for the acknowledge links (the instances listen on ports of their own, and {@code campaign run
   * --http-port} would otherwise put its own port in the links).
   */
  static final Map<String, String> SETTINGS =
      Map.of(
          "campaign.crisis.ack-timeout-unit", "1s",
          "campaign.public.url", "https://campaign.example.org");

  static final int BRANCHES = 10;
  static final int ANNEXES = 2;
  static final int POSTS_PER_BRANCH = 24;
  private static final int FIRST_HALF_POSTS = 16;
  private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");

  /**
   * Posts and milestones lie a year after the events that announce them (52 weeks: the same
   * weekdays), so that the live run's wall clock never reaches them: a post still held at its time
   * expires by the wall clock in the live services, never in the plan, whose clock is the events'.
   */
  private static final Duration AHEAD = Duration.ofDays(7 * 52);

  private static final Instant SCHEDULE_FROM = ahead("2026-12-07T15:00:00Z");

  /** Events one caller sends in one request: token name ({@link #ADMIN} or a branch id). */
  record Request(String caller, List<String> events) {}

  private final String webhookUrl;
  private final List<Request> setup = new ArrayList<>();
  private final List<Request> firstHalf = new ArrayList<>();
  private final List<Request> secondHalf = new ArrayList<>();
  private int minute;

  private static Instant ahead(String instant) {
    return Instant.parse(instant).plus(AHEAD);
  }

  private ScaleOutScenario(String webhookUrl) {
    this.webhookUrl = webhookUrl;
  }

  /** The scenario, its webhook contacts pointing at {@code webhookUrl}. */
  static ScaleOutScenario generate(String webhookUrl) {
    ScaleOutScenario scenario = new ScaleOutScenario(webhookUrl);
    scenario.build();
    return scenario;
  }

  static List<String> branches() {
    List<String> ids = new ArrayList<>();
    for (int b = 0; b < BRANCHES; b++) {
      ids.add(branch(b));
    }
    for (int a = 0; a < ANNEXES; a++) {
      ids.add("annex-" + a);
    }
    return ids;
  }

  List<Request> setup() {
    return setup;
  }

  List<Request> firstHalf() {
    return firstHalf;
  }

  List<Request> secondHalf() {
    return secondHalf;
  }

  /** Every event in the order the requests send them. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (List<Request> phase : List.of(setup, firstHalf, secondHalf)) {
      phase.forEach(r -> lines.addAll(r.events()));
    }
    return lines;
  }

  private void build() {
    List<String> admin = new ArrayList<>();
    for (int b = 0; b < BRANCHES; b++) {
      admin.add(policy(b, "FACEBOOK", b % 5 != 4));
      admin.add(policy(b, "INSTAGRAM", true));
    }
    admin.add(defaultPlan());
    for (int a = 0; a < ANNEXES; a++) {
      admin.add(annexPlan("annex-" + a));
    }
    admin.add(
        milestone(
            "budget-hearing",
            "*",
            "CAMPAIGN_MILESTONE",
            "AMPLIFY",
            "County budget hearing",
            ahead("2026-12-10T23:00:00Z").toString(),
            ahead("2026-12-11T02:00:00Z").toString()));
    admin.add(
        milestone(
            "county-closure",
            "*",
            "OTHER",
            "AVOID",
            "County offices closed",
            ahead("2026-12-08T14:00:00Z").toString(),
            ahead("2026-12-08T20:00:00Z").toString()));
    setup.add(new Request(ADMIN, admin));
    for (int b = 0; b < BRANCHES; b += 2) {
      Instant day = ahead("2026-12-05T16:00:00Z").plus(Duration.ofDays(b % 4));
      setup.add(
          new Request(
              branch(b),
              List.of(
                  milestone(
                      "fair-" + b,
                      branch(b),
                      "COMMUNITY_EVENT",
                      null,
                      "Branch " + b + " fair",
                      day.toString(),
                      day.plus(Duration.ofHours(6)).toString()))));
    }

    Map<String, List<String>> first = new LinkedHashMap<>();
    for (int b = 0; b < BRANCHES; b++) {
      List<String> events = first.computeIfAbsent(branch(b), k -> new ArrayList<>());
      for (int p = 0; p < FIRST_HALF_POSTS; p++) {
        events.add(draft(b, p, 1, 0));
        if (p == FIRST_HALF_POSTS / 2) {
          events.add(incident(branch(b), "inc-" + b + "-a", "MEDIUM"));
        }
      }
    }
    first.put("annex-0", List.of(incident("annex-0", "annex-0-a", "HIGH")));
    first.put("annex-1", List.of(incident("annex-1", "annex-1-a", "CRITICAL")));
    first.forEach((caller, events) -> firstHalf.add(new Request(caller, events)));

    Map<String, List<String>> second = new LinkedHashMap<>();
    for (int b = 0; b < BRANCHES; b++) {
      List<String> events = second.computeIfAbsent(branch(b), k -> new ArrayList<>());
      for (int p = FIRST_HALF_POSTS; p < POSTS_PER_BRANCH; p++) {
        events.add(draft(b, p, 1, 0));
      }
      for (int p = 0; p < FIRST_HALF_POSTS; p++) {
        if (p % 5 == 0) {
          // moves the post a day and two hours later: out of or into a window, another day
          events.add(draft(b, p, 2, 26));
        } else if (p % 7 == 1) {
          events.add(withdraw(b, p));
        }
      }
      if (b % 2 == 0) {
        events.add(acknowledge(branch(b), "inc-" + b + "-a"));
      }
      if (b % 3 == 0) {
        events.add(resolve(branch(b), "inc-" + b + "-a"));
      }
      if (b % 4 == 1) {
        events.add(incident(branch(b), "inc-" + b + "-b", "MEDIUM"));
        events.add(resolve(branch(b), "inc-" + b + "-b"));
      }
    }
    // the annex escalations fall due in plan time a second after their reports: the many later
    // lines pass that, so the harness reaches their second tier as the cluster does
    second.forEach((caller, events) -> secondHalf.add(new Request(caller, events)));
  }

  private static String branch(int b) {
    return "branch-" + b;
  }

  private Instant nextTime() {
    return START.plus(Duration.ofMinutes(minute++));
  }

  private static String policy(int b, String platform, boolean politicalSpeech) {
    return "{\"type\":\"ChannelPolicy\",\"branchId\":\""
        + branch(b)
        + "\",\"platform\":\""
        + platform
        + "\",\"contentPerCampaign\":2,\"maxPostsPerDay\":"
        + (platform.equals("FACEBOOK") ? 3 : 2)
        + ",\"zone\":\"America/Chicago\",\"politicalSpeechAllowed\":"
        + politicalSpeech
        + "}";
  }

  private String defaultPlan() {
    return "{\"type\":\"ResponsePlan\",\"branchId\":\"*\",\"steps\":[\"Do not reply online\","
        + "\"Call the branch manager\"],\"tiers\":["
        + tier(
            100000,
            responder(
                "duty",
                "Duty officer",
                "MEDIUM",
                contact("EMAIL", "duty@library.example.org"),
                contact("WEBHOOK", webhookUrl)))
        + ","
        + tier(
            100000,
            responder(
                "director",
                "Library director",
                "HIGH",
                contact("EMAIL", "director@library.example.org"),
                contact("SMS", "+15555550100")))
        + "]}";
  }

  private String annexPlan(String branch) {
    return "{\"type\":\"ResponsePlan\",\"branchId\":\""
        + branch
        + "\",\"steps\":[\"Close the annex\"],\"tiers\":["
        + tier(
            1,
            responder(
                "annex-desk",
                "Annex desk",
                "MEDIUM",
                contact("WEBHOOK", webhookUrl),
                contact("SMS", "+15555550101")))
        + ","
        + tier(
            100000,
            responder(
                "director",
                "Library director",
                "HIGH",
                contact("EMAIL", "director@library.example.org"),
                contact("WEBHOOK", webhookUrl)))
        + ","
        + tier(
            100000, responder("board", "Board chair", "CRITICAL", contact("EMAIL", "board@x.org")))
        + "]}";
  }

  private static String tier(int ackTimeoutMinutes, String responder) {
    return "{\"ackTimeoutMinutes\":" + ackTimeoutMinutes + ",\"responders\":[" + responder + "]}";
  }

  private static String responder(String id, String role, String minSeverity, String... contacts) {
    return "{\"responderId\":\""
        + id
        + "\",\"name\":\""
        + role
        + " on call\",\"role\":\""
        + role
        + "\",\"minSeverity\":\""
        + minSeverity
        + "\",\"contacts\":["
        + String.join(",", contacts)
        + "]}";
  }

  private static String contact(String channel, String address) {
    return "{\"channel\":\"" + channel + "\",\"address\":\"" + address + "\"}";
  }

  private static String milestone(
      String id,
      String branch,
      String kind,
      String stance,
      String title,
      String startsAt,
      String endsAt) {
    return "{\"type\":\"Milestone\",\"milestoneId\":\""
        + id
        + "\",\"revision\":1,\"kind\":\""
        + kind
        + "\""
        + (stance == null ? "" : ",\"stance\":\"" + stance + "\"")
        + (kind.equals("CAMPAIGN_MILESTONE") ? ",\"campaignId\":\"budget-2027\"" : "")
        + ",\"branchId\":\""
        + branch
        + "\",\"title\":\""
        + title
        + "\",\"startsAt\":\""
        + startsAt
        + "\",\"endsAt\":\""
        + endsAt
        + "\",\"bufferMinutes\":60}";
  }

  /**
   * Post {@code p} of branch {@code b}: every third a campaign post, every fourth on Instagram,
   * scheduled over four days so that days fill up, windows are met and the hearing is (or is not)
   * amplified; {@code hoursLater} moves a revision.
   */
  private String draft(int b, int p, int revision, int hoursLater) {
    boolean campaign = p % 3 == 0;
    String platform = p % 4 == 3 ? "INSTAGRAM" : "FACEBOOK";
    Instant scheduled = SCHEDULE_FROM.plus(Duration.ofHours((p * 7L + b * 5L) % 96 + hoursLater));
    return "{\"type\":\"PostDrafted\",\"postId\":\"post-"
        + b
        + "-"
        + p
        + "\",\"revision\":"
        + revision
        + ",\"branchId\":\""
        + branch(b)
        + "\",\"platform\":\""
        + platform
        + "\",\"category\":\""
        + (campaign ? "CAMPAIGN\",\"campaignId\":\"" + campaignOf(b) : "CONTENT")
        + "\",\"text\":\""
        + (campaign
            ? "Speak up for your library at the budget hearing! Post " + p
            : "Story time and new books this week, post " + p)
        + (revision > 1 ? " (moved)" : "")
        + "\""
        + (campaign ? ",\"mentions\":[\"@CountyExec\"]" : ",\"hashtags\":[\"#Reads" + b + "\"]")
        + (p % 2 == 0 ? ",\"links\":[\"https://library.example.org/b" + b + "\"]" : "")
        + (p % 3 == 1
            ? ",\"media\":[{\"kind\":\"IMAGE\",\"url\":\"https://library.example.org/p"
                + p
                + ".png\"}]"
            : "")
        + ",\"scheduledAt\":\""
        + scheduled
        + "\",\"draftedAt\":\""
        + nextTime()
        + "\"}";
  }

  /** The last branch campaigns for something else: its hearing gap stays open. */
  private static String campaignOf(int b) {
    return b == BRANCHES - 1 ? "card-drive-2027" : "budget-2027";
  }

  private String withdraw(int b, int p) {
    return "{\"type\":\"PostWithdrawn\",\"postId\":\"post-"
        + b
        + "-"
        + p
        + "\",\"branchId\":\""
        + branch(b)
        + "\",\"platform\":\""
        + (p % 4 == 3 ? "INSTAGRAM" : "FACEBOOK")
        + "\",\"reason\":\"plans changed\",\"withdrawnAt\":\""
        + nextTime()
        + "\"}";
  }

  private String incident(String branch, String id, String severity) {
    return "{\"type\":\"IncidentReported\",\"incidentId\":\""
        + id
        + "\",\"branchId\":\""
        + branch
        + "\",\"severity\":\""
        + severity
        + "\",\"category\":\"BOOK_CHALLENGE\",\"summary\":\"Challenge at "
        + branch
        + "\",\"reportedBy\":\"front desk\",\"reportedAt\":\""
        + nextTime()
        + "\"}";
  }

  private String acknowledge(String branch, String id) {
    return "{\"type\":\"IncidentAcknowledged\",\"incidentId\":\""
        + id
        + "\",\"branchId\":\""
        + branch
        + "\",\"by\":\"duty\",\"at\":\""
        + nextTime()
        + "\"}";
  }

  private String resolve(String branch, String id) {
    return "{\"type\":\"IncidentResolved\",\"incidentId\":\""
        + id
        + "\",\"branchId\":\""
        + branch
        + "\",\"by\":\"director\",\"at\":\""
        + nextTime()
        + "\",\"resolution\":\"Reviewed; nothing changes\"}";
  }
}
