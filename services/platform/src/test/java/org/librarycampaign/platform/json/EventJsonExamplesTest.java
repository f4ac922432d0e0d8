package org.librarycampaign.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.platform.json.Samples.at;
import static org.librarycampaign.platform.json.Samples.line;

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
import library.campaign.events.PostReviewed;
import library.campaign.events.PostWithdrawn;
import library.campaign.events.Responder;
import library.campaign.events.ResponsePlan;
import library.campaign.events.ResponseTier;
import library.campaign.events.ReviewAction;
import library.campaign.events.Severity;
import library.campaign.events.Stance;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * One line of every type (docs/ARCHITECTURE.md#the-json-form-of-events), each to its exact record,
 * key and topic.
 */
class EventJsonExamplesTest {

  private final EventJson json = new EventJson();

  @Test
  void channelPolicy() {
    String line =
        line(
            "{'type':'ChannelPolicy','branchId':'eastside','platform':'FACEBOOK','contentPerCampaign':3,"
                + "'maxPostsPerDay':3,'zone':'America/Chicago','politicalSpeechAllowed':true,"
                + "'minMinutesBetweenPosts':30,'maxCampaignPostsPerWeek':4}");

    ParsedEvent event = json.parse(line);

    assertThat(event)
        .isEqualTo(
            new ParsedEvent(
                "ChannelPolicy",
                CampaignTopic.CHANNEL_POLICIES,
                "eastside/FACEBOOK",
                ChannelPolicy.newBuilder()
                    .setBranchId("eastside")
                    .setPlatform(Platform.FACEBOOK)
                    .setContentPerCampaign(3)
                    .setMaxPostsPerDay(3)
                    .setZone("America/Chicago")
                    .setPoliticalSpeechAllowed(true)
                    .setMinMinutesBetweenPosts(30)
                    .setMaxCampaignPostsPerWeek(4)
                    .build(),
                null));
    assertThat(event.isTick()).isFalse();
    assertThat(json.write(event.value())).isEqualTo(line);
  }

  @Test
  void postDrafted() {
    String line =
        line(
            "{'type':'PostDrafted','postId':'p1','revision':1,'branchId':'eastside','platform':'FACEBOOK',"
                + "'category':'CAMPAIGN','campaignId':'budget-2027',"
                + "'text':'Tell the county board on Dec 1: fund our libraries!',"
                + "'hashtags':['#FundOurLibrary'],'mentions':['@CountyExec'],"
                + "'links':['https://library.example.org/budget'],"
                + "'media':[{'kind':'IMAGE','url':'https://library.example.org/img/budget.png'}],"
                + "'scheduledAt':'2026-12-01T15:00:00Z','author':'jlee','draftedAt':'2026-11-27T10:00:00Z'}");

    ParsedEvent event = json.parse(line);

    PostDrafted expected =
        PostDrafted.newBuilder()
            .setPostId("p1")
            .setRevision(1)
            .setBranchId("eastside")
            .setPlatform(Platform.FACEBOOK)
            .setCategory(PostCategory.CAMPAIGN)
            .setCampaignId("budget-2027")
            .setText("Tell the county board on Dec 1: fund our libraries!")
            .setHashtags(List.of("#FundOurLibrary"))
            .setMentions(List.of("@CountyExec"))
            .setLinks(List.of("https://library.example.org/budget"))
            .setMedia(
                List.of(
                    new Media(MediaKind.IMAGE, "https://library.example.org/img/budget.png", null)))
            .setScheduledAt(at("2026-12-01T15:00:00Z"))
            .setAuthor("jlee")
            .setDraftedAt(at("2026-11-27T10:00:00Z"))
            .build();
    assertThat(event)
        .isEqualTo(
            new ParsedEvent(
                "PostDrafted",
                CampaignTopic.POSTS,
                "eastside",
                new PostEvent(expected),
                at("2026-11-27T10:00:00Z")));
    assertThat(json.write(event.value())).isEqualTo(line);
  }

  @Test
  void postWithdrawn() {
    ParsedEvent event =
        json.parse(
            line(
                "{'type':'PostWithdrawn','postId':'p1','branchId':'eastside','platform':'FACEBOOK',"
                    + "'reason':'Replaced by p2','withdrawnAt':'2026-11-28T09:30:00Z'}"));

    assertThat(event)
        .isEqualTo(
            new ParsedEvent(
                "PostWithdrawn",
                CampaignTopic.POSTS,
                "eastside",
                new PostEvent(
                    new PostWithdrawn(
                        "p1",
                        "eastside",
                        Platform.FACEBOOK,
                        "Replaced by p2",
                        at("2026-11-28T09:30:00Z"))),
                at("2026-11-28T09:30:00Z")));
  }

  @Test
  void postReviewed() {
    ParsedEvent event =
        json.parse(
            line(
                "{'type':'PostReviewed','postId':'p1','revision':2,'branchId':'eastside',"
                    + "'platform':'FACEBOOK','action':'REJECT','reason':'Off message',"
                    + "'reviewer':'comms-lead','reviewedAt':'2026-11-28T10:15:00Z'}"));

    assertThat(event)
        .isEqualTo(
            new ParsedEvent(
                "PostReviewed",
                CampaignTopic.POSTS,
                "eastside",
                new PostEvent(
                    new PostReviewed(
                        "p1",
                        2,
                        "eastside",
                        Platform.FACEBOOK,
                        ReviewAction.REJECT,
                        "Off message",
                        "comms-lead",
                        at("2026-11-28T10:15:00Z"),
                        null)),
                at("2026-11-28T10:15:00Z")));
  }

  @Test
  void milestone() {
    ParsedEvent event =
        json.parse(
            line(
                "{'type':'Milestone','milestoneId':'m1','revision':1,'kind':'COMMUNITY_EVENT','stance':'AVOID',"
                    + "'campaignId':null,'branchId':'eastside','title':'County fair',"
                    + "'startsAt':'2026-12-05T14:00:00Z','endsAt':'2026-12-05T22:00:00Z',"
                    + "'bufferMinutes':120,'cancelled':false}"));

    assertThat(event)
        .isEqualTo(
            new ParsedEvent(
                "Milestone",
                CampaignTopic.MILESTONES,
                "eastside",
                new MilestoneEvent(
                    "m1",
                    1,
                    MilestoneKind.COMMUNITY_EVENT,
                    Stance.AVOID,
                    null,
                    "eastside",
                    "County fair",
                    at("2026-12-05T14:00:00Z"),
                    at("2026-12-05T22:00:00Z"),
                    120,
                    false),
                null));
  }

  @Test
  void milestoneForEveryBranchIsKeyedStar() {
    ParsedEvent event =
        json.parse(
            line(
                "{'type':'Milestone','milestoneId':'m2','revision':3,'kind':'CAMPAIGN_MILESTONE',"
                    + "'branchId':'*','title':'Bond vote',"
                    + "'startsAt':'2026-11-03T12:00:00Z','endsAt':'2026-11-04T02:00:00Z'}"));

    assertThat(event.key()).isEqualTo("*");
    assertThat(event.topic()).isEqualTo(CampaignTopic.MILESTONES);
    MilestoneEvent milestone = (MilestoneEvent) event.value();
    assertThat(milestone.getStance()).isNull();
    assertThat(milestone.getBufferMinutes()).isNull();
    assertThat(milestone.getCancelled()).isFalse();
  }

  @Test
  void incidentReported() {
    ParsedEvent event =
        json.parse(
            line(
                "{'type':'IncidentReported','incidentId':'i1','branchId':'eastside','severity':'HIGH',"
                    + "'category':'BOOK_CHALLENGE','summary':'Formal challenge to a picture book',"
                    + "'reportedBy':'branch-manager','reportedAt':'2026-11-30T16:05:00Z'}"));

    assertThat(event)
        .isEqualTo(
            new ParsedEvent(
                "IncidentReported",
                CampaignTopic.INCIDENTS,
                "eastside",
                new IncidentEvent(
                    new IncidentReported(
                        "i1",
                        "eastside",
                        Severity.HIGH,
                        IncidentCategory.BOOK_CHALLENGE,
                        "Formal challenge to a picture book",
                        "branch-manager",
                        at("2026-11-30T16:05:00Z"))),
                at("2026-11-30T16:05:00Z")));
  }

  @Test
  void incidentAcknowledged() {
    ParsedEvent event =
        json.parse(
            line(
                "{'type':'IncidentAcknowledged','incidentId':'i1','branchId':'eastside',"
                    + "'by':'comms-lead','at':'2026-11-30T16:12:00Z'}"));

    assertThat(event)
        .isEqualTo(
            new ParsedEvent(
                "IncidentAcknowledged",
                CampaignTopic.INCIDENTS,
                "eastside",
                new IncidentEvent(
                    new IncidentAcknowledged(
                        "i1", "eastside", "comms-lead", at("2026-11-30T16:12:00Z"), null)),
                at("2026-11-30T16:12:00Z")));
  }

  @Test
  void incidentResolved() {
    ParsedEvent event =
        json.parse(
            line(
                "{'type':'IncidentResolved','incidentId':'i1','branchId':'eastside','by':'comms-lead',"
                    + "'at':'2026-12-02T09:00:00Z','resolution':'Board kept the book'}"));

    assertThat(event)
        .isEqualTo(
            new ParsedEvent(
                "IncidentResolved",
                CampaignTopic.INCIDENTS,
                "eastside",
                new IncidentEvent(
                    new IncidentResolved(
                        "i1",
                        "eastside",
                        "comms-lead",
                        at("2026-12-02T09:00:00Z"),
                        "Board kept the book")),
                at("2026-12-02T09:00:00Z")));
  }

  @Test
  void responsePlan() {
    String line =
        line(
            "{'type':'ResponsePlan','branchId':'*','steps':['Do not reply on social media'],"
                + "'tiers':[{'ackTimeoutMinutes':15,'responders':[{'responderId':'r1','name':'Jordan Lee',"
                + "'role':'Communications lead','minSeverity':'MEDIUM',"
                + "'contacts':[{'channel':'EMAIL','address':'jlee@library.example.org'}]}]}]}");

    ParsedEvent event = json.parse(line);

    ResponsePlan expected =
        new ResponsePlan(
            "*",
            List.of("Do not reply on social media"),
            List.of(
                new ResponseTier(
                    15,
                    List.of(
                        new Responder(
                            "r1",
                            "Jordan Lee",
                            "Communications lead",
                            Severity.MEDIUM,
                            List.of(new Contact(ContactChannel.EMAIL, "jlee@library.example.org")),
                            null)))),
            null);
    assertThat(event)
        .isEqualTo(
            new ParsedEvent("ResponsePlan", CampaignTopic.RESPONSE_PLANS, "*", expected, null));
    assertThat(json.write(event.value())).isEqualTo(line);
  }

  @Test
  void tick() {
    ParsedEvent event = json.parse(line("{'type':'Tick','at':'2026-12-01T15:00:00Z'}"));

    assertThat(event)
        .isEqualTo(new ParsedEvent("Tick", null, null, null, at("2026-12-01T15:00:00Z")));
    assertThat(event.isTick()).isTrue();
    assertThat(json.write(event)).isEqualTo(line("{'type':'Tick','at':'2026-12-01T15:00:00Z'}"));
  }

  @Test
  void leftOutFieldsTakeTheirDefaults() {
    ParsedEvent event =
        json.parse(
            line(
                "{'type':'PostDrafted','postId':'p1','revision':1,'branchId':'eastside','platform':'X',"
                    + "'category':'CONTENT','text':'Story time!','hashtags':null,"
                    + "'scheduledAt':'2026-12-01T15:00:00Z','draftedAt':'2026-11-27T10:00:00Z'}"));

    PostDrafted post = (PostDrafted) ((PostEvent) event.value()).getEvent();
    assertThat(post.getCampaignId()).isNull();
    assertThat(post.getAuthor()).isNull();
    assertThat(post.getHashtags()).isEmpty();
    assertThat(post.getMentions()).isEmpty();
    assertThat(post.getLinks()).isEmpty();
    assertThat(post.getMedia()).isEmpty();
    assertThat(json.write(event))
        .isEqualTo(
            line(
                "{'type':'PostDrafted','postId':'p1','revision':1,'branchId':'eastside','platform':'X',"
                    + "'category':'CONTENT','text':'Story time!','hashtags':[],'mentions':[],'links':[],"
                    + "'media':[],'scheduledAt':'2026-12-01T15:00:00Z','draftedAt':'2026-11-27T10:00:00Z'}"));
  }

  @Test
  void instantsInAnyIsoFormAreNormalisedToUtc() {
    ParsedEvent withOffset =
        json.parse(line("{'type':'Tick','at':'2026-12-01T09:00:00.123-06:00'}"));
    ParsedEvent withoutSeconds = json.parse(line("{'type':'Tick','at':'2026-12-01T15:00Z'}"));
    ParsedEvent withMicros =
        json.parse(line("{'type':'Tick','at':'2026-12-01T15:00:00.123456789Z'}"));

    assertThat(withOffset.eventTime()).isEqualTo(at("2026-12-01T15:00:00.123Z"));
    assertThat(json.write(withOffset))
        .isEqualTo(line("{'type':'Tick','at':'2026-12-01T15:00:00.123Z'}"));
    assertThat(withoutSeconds.eventTime()).isEqualTo(at("2026-12-01T15:00:00Z"));
    // timestamp-millis holds milliseconds: finer digits are dropped
    assertThat(withMicros.eventTime()).isEqualTo(at("2026-12-01T15:00:00.123Z"));
  }

  @Test
  void parsesAJacksonTreeToo() throws Exception {
    var tree =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(line("{'type':'Tick','at':'2026-12-01T15:00:00Z'}"));

    assertThat(json.parse(tree).eventTime()).isEqualTo(at("2026-12-01T15:00:00Z"));
  }

  @Test
  void listsTheInputTypes() {
    assertThat(json.inputTypes())
        .containsExactly(
            "PostDrafted",
            "PostWithdrawn",
            "PostReviewed",
            "Milestone",
            "IncidentReported",
            "IncidentAcknowledged",
            "IncidentResolved",
            "IncidentEscalationRequested",
            "ChannelPolicy",
            "ResponsePlan",
            "RotationOverride",
            "BranchSettings",
            "Officials",
            "Tick");
  }
}
