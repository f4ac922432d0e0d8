package org.librarycampaign.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.Media;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;

/**
 * The events the harness sends, written as the JSON lines branch systems send and read with the
 * platform's {@link EventJson}, so the records are exactly what ingest would write.
 *
 * <p>Drafts: eight branches on four platforms, three content posts to one campaign post, about ten
 * posts per channel and week (the density of a busy system), so the per-record cost stays the same
 * however many drafts a run sends.
 */
public final class Workload {

  static final List<String> BRANCHES =
      List.of(
          "eastside",
          "westside",
          "northgate",
          "riverside",
          "southfield",
          "lakeview",
          "hillcrest",
          "midtown");
  static final List<String> PLATFORMS = List.of("FACEBOOK", "INSTAGRAM", "BLUESKY", "MASTODON");
  private static final int POSTS_PER_CHANNEL_WEEK = 10;
  private static final Instant START = Instant.parse("2027-01-04T08:00:00Z");
  private static final List<String> TAGS =
      List.of("#StoryTime", "#NewBooks", "#LibraryLove", "#MakerSpace", "#TeenZone", "#ReadLocal");

  /** Drafts repeat their branch, platform, category and hashtag every this many. */
  private static final int SHAPES = 96;

  private final EventJson json = new EventJson();
  private final Map<Integer, ParsedEvent> draftShapes = new ConcurrentHashMap<>();
  private final Map<Integer, ParsedEvent> incidentShapes = new ConcurrentHashMap<>();

  public EventJson json() {
    return json;
  }

  /** The JSON line of draft number {@code index} of a run ({@code run} keeps post ids apart). */
  public String draftLine(String run, long index) {
    String branch = BRANCHES.get((int) (index % BRANCHES.size()));
    String platform = PLATFORMS.get((int) ((index / BRANCHES.size()) % PLATFORMS.size()));
    DraftTimes times = times(index);
    boolean campaign = index % 4 == 3;
    String tag = TAGS.get((int) (index % TAGS.size()));
    return "{\"type\":\"PostDrafted\",\"postId\":\""
        + run
        + "-"
        + index
        + "\",\"revision\":1,\"branchId\":\""
        + branch
        + "\",\"platform\":\""
        + platform
        + "\",\"category\":\""
        + (campaign ? "CAMPAIGN\",\"campaignId\":\"budget-2027" : "CONTENT")
        + "\",\"text\":\""
        + (campaign
            ? "Speak up for your library at the budget hearing! Tell the county why it matters."
            : "Family story time is back Tuesday at 10! Bring the little ones and a favourite book.")
        + "\",\"hashtags\":[\""
        + tag
        + "\"],\"mentions\":"
        + (campaign ? "[\"@CountyExec\"]" : "[]")
        + ",\"links\":[\"https://"
        + branch
        + ".library.example.org/events/"
        + index
        + "\"],\"media\":[{\"kind\":\"IMAGE\",\"url\":\"https://"
        + branch
        + ".library.example.org/img/"
        + index
        + ".jpg\",\"altText\":\"Event photo\"}],\"scheduledAt\":\""
        + times.scheduled()
        + "\",\"author\":\"bench\",\"draftedAt\":\""
        + times.drafted()
        + "\"}";
  }

  /**
   * A JSON array of drafts {@code first} (inclusive) to {@code end} (exclusive) of a run, as {@link
   * #draftLine} writes them: the body of one {@code POST /v1/events}.
   */
  public String draftArray(String run, long first, long end) {
    StringBuilder body = new StringBuilder("[");
    for (long i = first; i < end; i++) {
      body.append(i == first ? "" : ",").append(draftLine(run, i));
    }
    return body.append(']').toString();
  }

  /**
   * Draft {@code index} as {@link #draftLine} reads: each of the {@link #SHAPES} shapes is read
   * from JSON once (a line takes about a millisecond to read and check), later drafts of a shape
   * copy it with their own id, link, image and times.
   */
  public ParsedEvent draft(String run, long index) {
    ParsedEvent shape =
        draftShapes.computeIfAbsent((int) (index % SHAPES), i -> json.parse(draftLine(run, i)));
    PostDrafted template = (PostDrafted) ((PostEvent) shape.value()).getEvent();
    DraftTimes times = times(index);
    String branch = template.getBranchId();
    PostDrafted draft =
        PostDrafted.newBuilder(template)
            .setPostId(run + "-" + index)
            .setLinks(List.of("https://" + branch + ".library.example.org/events/" + index))
            .setMedia(
                List.of(
                    Media.newBuilder(template.getMedia().get(0))
                        .setUrl("https://" + branch + ".library.example.org/img/" + index + ".jpg")
                        .build()))
            .setScheduledAt(times.scheduled())
            .setDraftedAt(times.drafted())
            .build();
    return new ParsedEvent(
        shape.type(),
        shape.topic(),
        shape.key(),
        PostEvent.newBuilder().setEvent(draft).build(),
        times.drafted());
  }

  private record DraftTimes(Instant scheduled, Instant drafted) {}

  private static DraftTimes times(long index) {
    int channels = BRANCHES.size() * PLATFORMS.size();
    long week = index / ((long) channels * POSTS_PER_CHANNEL_WEEK);
    long slot = (index / channels) % POSTS_PER_CHANNEL_WEEK;
    Instant scheduled =
        START.plus(Duration.ofDays(7 * week + slot % 7)).plus(Duration.ofHours(slot % 3 * 3));
    return new DraftTimes(scheduled, START.minus(Duration.ofDays(30)).plusMillis(index));
  }

  private static int channels() {
    return BRANCHES.size() * PLATFORMS.size();
  }

  /**
   * One community event per branch covering the scheduled time of each of the first {@code drafts}
   * drafts (ten per channel and week, so a million drafts span 3,125 weeks): each draft then
   * conflicts with exactly one event, so the conflicts service writes one record per draft. No
   * longer than that: the conflicts service writes a calendar entry per day an event covers, in the
   * measured window, so a longer event is work no draft asked for.
   */
  List<ParsedEvent> avoidEveryDraft(long drafts) {
    List<ParsedEvent> events = new ArrayList<>();
    for (String branch : BRANCHES) {
      events.add(
          json.parse(
              "{\"type\":\"Milestone\",\"milestoneId\":\"fair-"
                  + branch
                  + "\",\"revision\":1,\"kind\":\"COMMUNITY_EVENT\",\"branchId\":\""
                  + branch
                  + "\",\"title\":\"Year-long street works\",\"startsAt\":\""
                  + START.minus(Duration.ofDays(1))
                  + "\",\"endsAt\":\""
                  + START.plus(
                      Duration.ofDays(7 * (drafts / channels() / POSTS_PER_CHANNEL_WEEK + 1)))
                  + "\"}"));
    }
    return events;
  }

  /** A plan for every branch: one tier of {@code responders} responders, each with a webhook. */
  ParsedEvent responsePlan(int responders, String webhookUrl) {
    StringBuilder people = new StringBuilder();
    for (int i = 0; i < responders; i++) {
      if (i > 0) {
        people.append(',');
      }
      people
          .append("{\"responderId\":\"r")
          .append(i)
          .append("\",\"name\":\"Responder ")
          .append(i)
          .append("\",\"role\":\"Comms\",\"minSeverity\":\"LOW\",\"contacts\":[")
          .append("{\"channel\":\"WEBHOOK\",\"address\":\"")
          .append(webhookUrl)
          .append("\"}]}");
    }
    return json.parse(
        "{\"type\":\"ResponsePlan\",\"branchId\":\"*\",\"steps\":[\"Do not reply online\","
            + "\"Call the director\"],\"tiers\":[{\"ackTimeoutMinutes\":600,\"responders\":["
            + people
            + "]}]}");
  }

  ParsedEvent incident(String run, long index) {
    ParsedEvent shape =
        incidentShapes.computeIfAbsent(
            (int) (index % BRANCHES.size()), i -> json.parse(incidentLine(run, i)));
    IncidentReported template = (IncidentReported) ((IncidentEvent) shape.value()).getEvent();
    Instant reported = START.minus(Duration.ofDays(30)).plusMillis(index);
    return new ParsedEvent(
        shape.type(),
        shape.topic(),
        shape.key(),
        IncidentEvent.newBuilder()
            .setEvent(
                IncidentReported.newBuilder(template)
                    .setIncidentId(run + "-" + index)
                    .setReportedAt(reported)
                    .build())
            .build(),
        reported);
  }

  private String incidentLine(String run, long index) {
    String branch = BRANCHES.get((int) (index % BRANCHES.size()));
    return ("{\"type\":\"IncidentReported\",\"incidentId\":\""
        + run
        + "-"
        + index
        + "\",\"branchId\":\""
        + branch
        + "\",\"severity\":\"HIGH\",\"category\":\"BOOK_CHALLENGE\",\"summary\":\"A group is"
        + " demanding the removal of a picture book\",\"reportedBy\":\"front desk\","
        + "\"reportedAt\":\""
        + START.minus(Duration.ofDays(30)).plusMillis(index)
        + "\"}");
  }
}
