package org.librarycampaign.dashboard.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.Contact;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentCategory;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.Media;
import library.campaign.events.MediaKind;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.MilestoneKind;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import library.campaign.events.Responder;
import library.campaign.events.ResponsePlan;
import library.campaign.events.ResponseTier;
import library.campaign.events.Severity;
import library.campaign.events.Stance;
import org.apache.avro.specific.SpecificRecord;

/**
 * The demo campaign: a week of four branches on several platforms, told in timed steps so that a
 * newcomer watching the dashboard sees every feature within about a minute and a half.
 *
 * <ul>
 *   <li>eastside: a book challenge (HIGH) is reported at once; its campaign posts are held by the
 *       crisis pause; nobody acknowledges within a minute, so the response plan's second tier is
 *       notified; the director acknowledges, then resolves it, and the held posts are released. Its
 *       Instagram post falls on the Riverfront Festival and is then moved to the suggested slot.
 *   <li>westside: a second campaign post is held by the 3:1 ratio, and released when three more
 *       content posts are approved; a third Instagram post on one day hits the daily cap.
 *   <li>northgate: content only, so the budget hearing has an amplify gap there; one post is too
 *       long for X; one is withdrawn.
 *   <li>riverside: a county-run page that may not carry political speech: its campaign post is
 *       rejected.
 * </ul>
 *
 * Every time is relative to the start: posts land in the current week (Monday to Sunday in the
 * given zone). Ids are stable and revisions are the start minute, so running the demo again next
 * week moves the same posts and milestones into that week instead of adding more; incidents get ids
 * of their own run.
 */
public final class DemoScript {

  /** One batch of events, sent together at {@code offset} after the start. */
  public record Step(Duration offset, String description, List<SpecificRecord> events) {
    public Step {
      events = List.copyOf(events);
    }
  }

  static final String CAMPAIGN = "budget-2027";
  static final String HASHTAG = "#FundOurLibrary";
  static final String BUDGET_LINK = "https://example.org/library-budget";
  static final List<String> OFFICIALS = List.of("@CountyExec", "@CommissionerDiaz");

  private final Instant start;
  private final ZoneId zone;
  private final LocalDate monday;
  private final int revision;

  private DemoScript(Instant start, ZoneId zone) {
    this.start = start;
    this.zone = zone;
    this.monday =
        start.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    this.revision = Math.toIntExact(start.getEpochSecond() / 60);
  }

  /** The steps of a demo starting at {@code start}, its week in {@code zone}. */
  public static List<Step> steps(Instant start, ZoneId zone) {
    return new DemoScript(start, zone).build();
  }

  /** The id of the run's book-challenge incident. */
  static String incidentId(Instant start) {
    return "book-challenge-" + Long.toString(start.getEpochSecond(), 36);
  }

  private List<Step> build() {
    List<Step> steps = new ArrayList<>();
    String incident = incidentId(start);

    steps.add(
        step(
            0,
            "channel policies and the response plan",
            policy("eastside", Platform.FACEBOOK, 3, true),
            policy("eastside", Platform.INSTAGRAM, 2, true),
            policy("westside", Platform.FACEBOOK, 3, true),
            policy("westside", Platform.INSTAGRAM, 2, true),
            policy("northgate", Platform.BLUESKY, 8, true),
            policy("northgate", Platform.X, 8, true),
            policy("riverside", Platform.FACEBOOK, 3, false),
            responsePlan()));

    steps.add(
        step(
            3,
            "a book challenge is reported at eastside",
            IncidentEvent.newBuilder()
                .setEvent(
                    IncidentReported.newBuilder()
                        .setIncidentId(incident)
                        .setBranchId("eastside")
                        .setSeverity(Severity.HIGH)
                        .setCategory(IncidentCategory.BOOK_CHALLENGE)
                        .setSummary(
                            "Petition to remove a picture book from the eastside children's room")
                        .setReportedBy("eastside front desk")
                        .setReportedAt(at(3))
                        .build())
                .build()));

    steps.add(
        step(
            5,
            "the budget hearing and the Riverfront Festival",
            milestone(
                "budget-hearing",
                MilestoneKind.CAMPAIGN_MILESTONE,
                Stance.AMPLIFY,
                CAMPAIGN,
                "County budget hearing",
                day(3, 18, 0),
                day(3, 20, 0)),
            milestone(
                "riverfront-festival",
                MilestoneKind.COMMUNITY_EVENT,
                Stance.AVOID,
                null,
                "Riverfront Festival",
                day(5, 10, 0),
                day(5, 18, 0))));

    steps.add(
        step(
            8,
            "eastside's first content posts",
            content("es-fb-1", "eastside", Platform.FACEBOOK, day(0, 10, 0), 8, STORY_TIME),
            content("es-fb-2", "eastside", Platform.FACEBOOK, day(1, 10, 0), 8, NEW_BOOKS),
            content("es-fb-3", "eastside", Platform.FACEBOOK, day(2, 10, 0), 8, MAKERSPACE)));

    steps.add(
        step(
            11,
            "an eastside campaign post during the crisis; westside's content",
            campaign(
                "es-fb-c1",
                "eastside",
                Platform.FACEBOOK,
                day(2, 17, 0),
                11,
                "The county budget cuts our hours. Tell the board on Thursday: fund our library!"),
            content("ws-fb-1", "westside", Platform.FACEBOOK, day(0, 11, 0), 11, STORY_TIME),
            content("ws-fb-2", "westside", Platform.FACEBOOK, day(1, 11, 0), 11, HOMEWORK_HELP),
            content("ws-fb-3", "westside", Platform.FACEBOOK, day(2, 11, 0), 11, NEW_BOOKS)));

    steps.add(
        step(
            14,
            "westside's campaign posts: one fits the ratio, one is held",
            campaign(
                "ws-fb-c1",
                "westside",
                Platform.FACEBOOK,
                day(1, 12, 0),
                14,
                "Libraries are on the county budget agenda. Sign up to speak at the hearing!"),
            campaign(
                "ws-fb-c2",
                "westside",
                Platform.FACEBOOK,
                day(3, 10, 0),
                14,
                "Tonight the county decides our hours. Come to the budget hearing and say why"
                    + " the library matters to you.")));

    steps.add(
        step(
            18,
            "a post on festival day; northgate's content",
            content("es-ig-1", "eastside", Platform.INSTAGRAM, day(5, 12, 30), 18, STORY_TIME),
            content("ng-bs-1", "northgate", Platform.BLUESKY, day(0, 9, 30), 18, NEW_BOOKS),
            content("ng-bs-2", "northgate", Platform.BLUESKY, day(1, 9, 30), 18, HOMEWORK_HELP),
            content("ng-bs-3", "northgate", Platform.BLUESKY, day(2, 9, 30), 18, MAKERSPACE)));

    steps.add(
        step(
            22,
            "riverside's county-run page; westside's Instagram on one busy day",
            content("rs-fb-1", "riverside", Platform.FACEBOOK, day(0, 14, 0), 22, STORY_TIME),
            content("rs-fb-2", "riverside", Platform.FACEBOOK, day(1, 14, 0), 22, NEW_BOOKS),
            campaign(
                "rs-fb-c1",
                "riverside",
                Platform.FACEBOOK,
                day(1, 15, 0),
                22,
                "Our library's hours are on the line. Tell the county board to fund us!"),
            content("ws-ig-1", "westside", Platform.INSTAGRAM, day(2, 9, 0), 22, STORY_TIME),
            content("ws-ig-2", "westside", Platform.INSTAGRAM, day(2, 13, 0), 22, MAKERSPACE),
            content("ws-ig-3", "westside", Platform.INSTAGRAM, day(2, 17, 0), 22, NEW_BOOKS)));

    steps.add(
        step(
            26,
            "a post too long for X",
            content(
                "ng-x-1",
                "northgate",
                Platform.X,
                day(3, 9, 0),
                26,
                "Our winter reading challenge starts today! ".repeat(8).trim())));

    steps.add(
        step(
            30,
            "three more westside content posts release the held campaign post",
            content("ws-fb-4", "westside", Platform.FACEBOOK, day(3, 9, 0), 30, MAKERSPACE),
            content("ws-fb-5", "westside", Platform.FACEBOOK, day(4, 11, 0), 30, STORY_TIME),
            content("ws-fb-6", "westside", Platform.FACEBOOK, day(6, 11, 0), 30, HOMEWORK_HELP)));

    steps.add(
        step(
            36,
            "the festival-day post moves to the suggested slot",
            post(
                "es-ig-1",
                revision + 1,
                "eastside",
                Platform.INSTAGRAM,
                PostCategory.CONTENT,
                day(5, 20, 0),
                36,
                STORY_TIME)));

    steps.add(
        step(
            42,
            "more eastside content, and a second campaign post held by the crisis",
            content("es-fb-4", "eastside", Platform.FACEBOOK, day(3, 10, 0), 42, HOMEWORK_HELP),
            content("es-fb-5", "eastside", Platform.FACEBOOK, day(4, 10, 0), 42, STORY_TIME),
            content("es-fb-6", "eastside", Platform.FACEBOOK, day(6, 10, 0), 42, NEW_BOOKS),
            campaign(
                "es-fb-c2",
                "eastside",
                Platform.FACEBOOK,
                day(4, 12, 0),
                42,
                "The budget hearing is over; the vote is next week. Thank your commissioner and"
                    + " ask them to fund library hours.")));

    steps.add(
        step(
            48,
            "a duplicate northgate post is withdrawn",
            PostEvent.newBuilder()
                .setEvent(
                    PostWithdrawn.newBuilder()
                        .setPostId("ng-bs-3")
                        .setBranchId("northgate")
                        .setPlatform(Platform.BLUESKY)
                        .setReason("duplicate of the makerspace post on Facebook")
                        .setWithdrawnAt(at(48))
                        .build())
                .build()));

    steps.add(
        step(
            75,
            "the director acknowledges the book challenge",
            IncidentEvent.newBuilder()
                .setEvent(
                    IncidentAcknowledged.newBuilder()
                        .setIncidentId(incident)
                        .setBranchId("eastside")
                        .setBy("Priya Shah, library director")
                        .setAt(at(75))
                        .build())
                .build()));

    steps.add(
        step(
            95,
            "the book challenge is resolved",
            IncidentEvent.newBuilder()
                .setEvent(
                    IncidentResolved.newBuilder()
                        .setIncidentId(incident)
                        .setBranchId("eastside")
                        .setBy("Priya Shah, library director")
                        .setAt(at(95))
                        .setResolution(
                            "Reviewed under the collection policy: the book stays on the shelf")
                        .build())
                .build()));
    return steps;
  }

  private static final String STORY_TIME =
      "Toddler story time is back on Wednesday mornings: songs, rhymes and a new picture book"
          + " every week. Sign up: https://example.org/story-time";
  private static final String NEW_BOOKS =
      "Fresh on the shelves: twenty new graphic novels for teens. Place a hold today!"
          + " https://example.org/catalogue";
  private static final String MAKERSPACE =
      "The makerspace 3D printer is free to use all week. Book a slot at the front desk or"
          + " online: https://example.org/makerspace";
  private static final String HOMEWORK_HELP =
      "Free homework help for grades 3 to 8, every weekday from 4 pm. Drop in!"
          + " https://example.org/homework";

  private Step step(int seconds, String description, SpecificRecord... events) {
    return new Step(Duration.ofSeconds(seconds), description, List.of(events));
  }

  private Instant at(int seconds) {
    return start.plusSeconds(seconds);
  }

  /** A time of the week: day 0 is Monday. */
  private Instant day(int dayOfWeek, int hour, int minute) {
    return monday.plusDays(dayOfWeek).atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
  }

  private ChannelPolicy policy(
      String branch, Platform platform, int maxPerDay, boolean politicalSpeechAllowed) {
    return ChannelPolicy.newBuilder()
        .setBranchId(branch)
        .setPlatform(platform)
        .setContentPerCampaign(3)
        .setMaxPostsPerDay(maxPerDay)
        .setZone(zone.getId())
        .setPoliticalSpeechAllowed(politicalSpeechAllowed)
        .build();
  }

  private static ResponsePlan responsePlan() {
    return ResponsePlan.newBuilder()
        .setBranchId("*")
        .setSteps(
            List.of(
                "Pause campaign posts at the branch",
                "Brief the director and the board chair",
                "Prepare a holding statement; do not comment on the book itself",
                "Log every public comment and call"))
        .setTiers(
            List.of(
                ResponseTier.newBuilder()
                    .setAckTimeoutMinutes(1)
                    .setResponders(
                        List.of(
                            responder(
                                "ana-ruiz",
                                "Ana Ruiz",
                                "Communications lead",
                                Severity.MEDIUM,
                                contact(ContactChannel.EMAIL, "ana.ruiz@library.example.org"),
                                contact(ContactChannel.SMS, "+15550100101")),
                            responder(
                                "marcus-lee",
                                "Marcus Lee",
                                "Branch manager",
                                Severity.MEDIUM,
                                contact(
                                    ContactChannel.WEBHOOK,
                                    "https://chat.library.example.org/hooks/branch-managers"))))
                    .build(),
                ResponseTier.newBuilder()
                    .setAckTimeoutMinutes(30)
                    .setResponders(
                        List.of(
                            responder(
                                "priya-shah",
                                "Priya Shah",
                                "Library director",
                                Severity.HIGH,
                                contact(ContactChannel.EMAIL, "director@library.example.org"),
                                contact(ContactChannel.SMS, "+15550100199"))))
                    .build()))
        .build();
  }

  private static Responder responder(
      String id, String name, String role, Severity minSeverity, Contact... contacts) {
    return Responder.newBuilder()
        .setResponderId(id)
        .setName(name)
        .setRole(role)
        .setMinSeverity(minSeverity)
        .setContacts(List.of(contacts))
        .build();
  }

  private static Contact contact(ContactChannel channel, String address) {
    return Contact.newBuilder().setChannel(channel).setAddress(address).build();
  }

  private MilestoneEvent milestone(
      String id,
      MilestoneKind kind,
      Stance stance,
      String campaignId,
      String title,
      Instant startsAt,
      Instant endsAt) {
    return MilestoneEvent.newBuilder()
        .setMilestoneId(id)
        .setRevision(revision)
        .setKind(kind)
        .setStance(stance)
        .setCampaignId(campaignId)
        .setBranchId("*")
        .setTitle(title)
        .setStartsAt(startsAt)
        .setEndsAt(endsAt)
        .setBufferMinutes(120)
        .setCancelled(false)
        .build();
  }

  private PostEvent content(
      String id, String branch, Platform platform, Instant scheduledAt, int seconds, String text) {
    return post(id, revision, branch, platform, PostCategory.CONTENT, scheduledAt, seconds, text);
  }

  private PostEvent campaign(
      String id, String branch, Platform platform, Instant scheduledAt, int seconds, String text) {
    return post(
        id,
        revision,
        branch,
        platform,
        PostCategory.CAMPAIGN,
        scheduledAt,
        seconds,
        text + " " + BUDGET_LINK);
  }

  private PostEvent post(
      String id,
      int postRevision,
      String branch,
      Platform platform,
      PostCategory category,
      Instant scheduledAt,
      int seconds,
      String text) {
    boolean isCampaign = category == PostCategory.CAMPAIGN;
    return PostEvent.newBuilder()
        .setEvent(
            PostDrafted.newBuilder()
                .setPostId(id)
                .setRevision(postRevision)
                .setBranchId(branch)
                .setPlatform(platform)
                .setCategory(category)
                .setCampaignId(isCampaign ? CAMPAIGN : null)
                .setText(text)
                .setHashtags(isCampaign ? List.of(HASHTAG) : List.of("#" + branch + "reads"))
                .setMentions(isCampaign ? OFFICIALS : List.of())
                .setLinks(isCampaign ? List.of(BUDGET_LINK) : List.of())
                .setMedia(
                    List.of(
                        Media.newBuilder()
                            .setKind(MediaKind.IMAGE)
                            .setUrl("https://example.org/media/" + id + ".jpg")
                            .setAltText(
                                isCampaign
                                    ? "Library supporters holding Fund Our Library signs"
                                    : "Children and parents at the library")
                            .build()))
                .setScheduledAt(scheduledAt)
                .setAuthor(branch + "-comms")
                .setDraftedAt(at(seconds))
                .build())
        .build();
  }
}
