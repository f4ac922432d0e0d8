package org.librarycampaign.platform.json;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import library.campaign.events.AmplifyGap;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.ClearCause;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictDetected;
import library.campaign.events.ConflictEvent;
import library.campaign.events.Contact;
import library.campaign.events.ContactChannel;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.DecisionOverride;
import library.campaign.events.DecisionReason;
import library.campaign.events.DecisionReview;
import library.campaign.events.DecisionSignOff;
import library.campaign.events.DecisionStatus;
import library.campaign.events.DecisionWarning;
import library.campaign.events.DecisionWindow;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentCategory;
import library.campaign.events.IncidentEscalationRequested;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Media;
import library.campaign.events.MediaKind;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.MilestoneKind;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import library.campaign.events.NotifiedContact;
import library.campaign.events.Official;
import library.campaign.events.Officials;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDecision;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostReviewed;
import library.campaign.events.PostWithdrawn;
import library.campaign.events.PostingWindow;
import library.campaign.events.Publication;
import library.campaign.events.PublicationStatus;
import library.campaign.events.PublisherKind;
import library.campaign.events.ReasonCode;
import library.campaign.events.Recipient;
import library.campaign.events.RepeatPolicy;
import library.campaign.events.Responder;
import library.campaign.events.ResponseChannel;
import library.campaign.events.ResponsePlan;
import library.campaign.events.ResponseTier;
import library.campaign.events.ReviewAction;
import library.campaign.events.Rotation;
import library.campaign.events.RotationMember;
import library.campaign.events.RotationOverride;
import library.campaign.events.Severity;
import library.campaign.events.SignOffPolicy;
import library.campaign.events.Stance;
import library.campaign.events.WarningCode;
import library.campaign.events.Weekday;
import org.apache.avro.specific.SpecificRecord;

/** Records of every type with every field set, and their lines. */
final class Samples {

  private Samples() {}

  static Instant at(String text) {
    return Instant.parse(text);
  }

  /** A JSON line from single quotes, for readable tests. */
  static String line(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static PostDrafted postDrafted() {
    return PostDrafted.newBuilder()
        .setPostId("p1")
        .setRevision(2)
        .setBranchId("eastside")
        .setPlatform(Platform.FACEBOOK)
        .setCategory(PostCategory.CAMPAIGN)
        .setCampaignId("budget-2027")
        .setText("Budget hearing Dec 1 \u2014 tell the board \"libraries matter\" \uD83D\uDCDA")
        .setHashtags(List.of("#FundOurLibrary", "#EastsideReads"))
        .setMentions(List.of("@CountyExec"))
        .setLinks(List.of("https://library.example.org/budget?src=fb"))
        .setMedia(
            List.of(
                Media.newBuilder()
                    .setKind(MediaKind.IMAGE)
                    .setUrl("https://library.example.org/img/budget.png")
                    .setAltText("Children reading at the Eastside branch")
                    .build()))
        .setScheduledAt(at("2026-12-01T15:00:00Z"))
        .setAuthor("jlee")
        .setDraftedAt(at("2026-11-27T10:00:00.250Z"))
        .build();
  }

  static PostWithdrawn postWithdrawn() {
    return PostWithdrawn.newBuilder()
        .setPostId("p1")
        .setBranchId("eastside")
        .setPlatform(Platform.FACEBOOK)
        .setReason("Replaced by p2")
        .setWithdrawnAt(at("2026-11-28T09:30:00Z"))
        .build();
  }

  static PostReviewed postReviewed() {
    return PostReviewed.newBuilder()
        .setPostId("p1")
        .setRevision(2)
        .setBranchId("eastside")
        .setPlatform(Platform.FACEBOOK)
        .setAction(ReviewAction.RESCHEDULE)
        .setReason("Clashes with the hearing; the suggested slot")
        .setReviewer("comms-lead")
        .setReviewedAt(at("2026-11-28T10:15:00Z"))
        .setScheduledAt(at("2026-12-02T15:00:00Z"))
        .build();
  }

  static MilestoneEvent milestone() {
    return MilestoneEvent.newBuilder()
        .setMilestoneId("m1")
        .setRevision(1)
        .setKind(MilestoneKind.CAMPAIGN_MILESTONE)
        .setStance(Stance.AMPLIFY)
        .setCampaignId("budget-2027")
        .setBranchId("*")
        .setTitle("Budget hearing")
        .setStartsAt(at("2026-12-01T18:00:00Z"))
        .setEndsAt(at("2026-12-01T20:00:00Z"))
        .setBufferMinutes(60)
        .setCancelled(true)
        .build();
  }

  static IncidentReported incidentReported() {
    return IncidentReported.newBuilder()
        .setIncidentId("i1")
        .setBranchId("eastside")
        .setSeverity(Severity.HIGH)
        .setCategory(IncidentCategory.BOOK_CHALLENGE)
        .setSummary("Formal challenge to a picture book at the board meeting")
        .setReportedBy("branch-manager")
        .setReportedAt(at("2026-11-30T16:05:00Z"))
        .build();
  }

  static IncidentAcknowledged incidentAcknowledged() {
    return IncidentAcknowledged.newBuilder()
        .setIncidentId("i1")
        .setBranchId("eastside")
        .setBy("comms-lead")
        .setAt(at("2026-11-30T16:12:00Z"))
        .setVia(ResponseChannel.LINK)
        .build();
  }

  static IncidentEscalationRequested incidentEscalationRequested() {
    return IncidentEscalationRequested.newBuilder()
        .setIncidentId("i1")
        .setBranchId("eastside")
        .setBy("Ana Diaz")
        .setAt(at("2026-11-30T16:10:00Z"))
        .setVia(ResponseChannel.SMS)
        .build();
  }

  static IncidentResolved incidentResolved() {
    return IncidentResolved.newBuilder()
        .setIncidentId("i1")
        .setBranchId("eastside")
        .setBy("comms-lead")
        .setAt(at("2026-12-02T09:00:00Z"))
        .setResolution("Board kept the book; statement published")
        .build();
  }

  static ChannelPolicy channelPolicy() {
    return ChannelPolicy.newBuilder()
        .setBranchId("eastside")
        .setPlatform(Platform.FACEBOOK)
        .setContentPerCampaign(4)
        .setMaxPostsPerDay(2)
        .setZone("America/Chicago")
        .setPoliticalSpeechAllowed(false)
        .setPostingWindow(new PostingWindow("09:00", "20:00"))
        .setSignOff(SignOffPolicy.CAMPAIGN)
        .setMinMinutesBetweenPosts(30)
        .setMaxCampaignPostsPerWeek(4)
        .build();
  }

  static BranchSettings branchSettings() {
    return BranchSettings.newBuilder()
        .setBranchId("eastside")
        .setZone("America/Chicago")
        .setReportContacts(List.of("director@library.example.org"))
        .setPostingWindow(new PostingWindow("08:00", "21:00"))
        .build();
  }

  static ResponsePlan responsePlan() {
    return ResponsePlan.newBuilder()
        .setBranchId("eastside")
        .setSteps(List.of("Do not reply on social media", "Call the director"))
        .setTiers(
            List.of(
                ResponseTier.newBuilder()
                    .setAckTimeoutMinutes(15)
                    .setResponders(
                        List.of(
                            Responder.newBuilder()
                                .setResponderId("r1")
                                .setName("Jordan Lee")
                                .setRole("Communications lead")
                                .setMinSeverity(Severity.MEDIUM)
                                .setContacts(
                                    List.of(
                                        new Contact(
                                            ContactChannel.EMAIL, "jlee@library.example.org"),
                                        new Contact(
                                            ContactChannel.WEBHOOK,
                                            "https://hooks.example.org/crisis"),
                                        new Contact(ContactChannel.SMS, "+15555550100")))
                                .build()))
                    .build(),
                ResponseTier.newBuilder()
                    .setAckTimeoutMinutes(30)
                    .setResponders(
                        List.of(
                            Responder.newBuilder()
                                .setResponderId("duty")
                                .setName("Duty manager rotation")
                                .setRole("Duty manager")
                                .setMinSeverity(Severity.HIGH)
                                .setContacts(List.of())
                                .setRotation(
                                    Rotation.newBuilder()
                                        .setMembers(
                                            List.of(
                                                new RotationMember(
                                                    "kim",
                                                    "Kim Lo",
                                                    List.of(
                                                        new Contact(
                                                            ContactChannel.SMS, "+15555550111"))),
                                                new RotationMember(
                                                    "ali",
                                                    "Ali Ren",
                                                    List.of(
                                                        new Contact(
                                                            ContactChannel.EMAIL,
                                                            "ali@library.example.org")))))
                                        .setHandoffDay(Weekday.MONDAY)
                                        .setHandoffTime("09:00")
                                        .setZone("America/Chicago")
                                        .setStartDate(LocalDate.parse("2026-11-02"))
                                        .build())
                                .build()))
                    .build()))
        .setRepeat(new RepeatPolicy(10, 3))
        .build();
  }

  static RotationOverride rotationOverride() {
    return RotationOverride.newBuilder()
        .setBranchId("*")
        .setRotationId("duty")
        .setOverrideId("ali-covers-thanksgiving")
        .setResponderId("ali")
        .setFrom(LocalDate.parse("2026-11-26"))
        .setUntil(LocalDate.parse("2026-11-29"))
        .setReason("Kim is away")
        .setCancelled(false)
        .build();
  }

  static Officials officials() {
    return Officials.newBuilder()
        .setBranchId("eastside")
        .setOfficials(
            List.of(
                Official.newBuilder()
                    .setName("Dana Reyes")
                    .setOffice("County Executive")
                    .setHandles(
                        new TreeMap<>(Map.of("X", "@CountyExec", "FACEBOOK", "@countyexec")))
                    .build()))
        .build();
  }

  static PostDecision postDecision() {
    return PostDecision.newBuilder()
        .setPostId("p1")
        .setRevision(2)
        .setBranchId("eastside")
        .setChannelId("eastside/FACEBOOK")
        .setCategory(PostCategory.CAMPAIGN)
        .setCampaignId("budget-2027")
        .setScheduledAt(at("2026-12-01T15:00:00Z"))
        .setStatus(DecisionStatus.HELD)
        .setReleased(false)
        .setReasons(
            List.of(
                DecisionReason.newBuilder()
                    .setCode(ReasonCode.RATIO_LIMIT)
                    .setMessage("2 more content posts this week would free it")
                    .setNextDayWithRoom("2026-12-02")
                    .setContentPostsNeeded(2)
                    .build()))
        .setWarnings(
            List.of(
                DecisionWarning.newBuilder()
                    .setCode(WarningCode.HASHTAG_USED_BEFORE)
                    .setMessage("#FundOurLibrary was first used by westside")
                    .setHashtag("#FundOurLibrary")
                    .setFirstUsedBy("westside")
                    .setFirstUsedAt(at("2026-10-01T12:00:00.001Z"))
                    .build()))
        .setWindow(
            DecisionWindow.newBuilder()
                .setStart(at("2026-11-30T06:00:00Z"))
                .setEnd(at("2026-12-07T06:00:00Z"))
                .setContent(3)
                .setCampaign(1)
                .setAllowedCampaign(1)
                .build())
        .setDecidedAt(at("2026-11-27T10:00:01Z"))
        .setOverride(
            DecisionOverride.newBuilder()
                .setReviewer("comms-lead")
                .setReason("Agreed with the board")
                .setAt(at("2026-11-27T11:00:00Z"))
                .build())
        .setReviews(
            List.of(
                DecisionReview.newBuilder()
                    .setRevision(1)
                    .setAction(ReviewAction.RESCHEDULE)
                    .setReviewer("comms-lead")
                    .setReason("The suggested slot")
                    .setAt(at("2026-11-27T09:00:00Z"))
                    .setScheduledAt(at("2026-12-01T15:00:00Z"))
                    .build()))
        .setSignOff(
            DecisionSignOff.newBuilder()
                .setRequired(true)
                .setSignedBy("comms-lead")
                .setSignedAt(at("2026-11-27T11:00:00Z"))
                .build())
        .setReview(
            DecisionReview.newBuilder()
                .setRevision(1)
                .setAction(ReviewAction.RESCHEDULE)
                .setReviewer("comms-lead")
                .setReason("The suggested slot")
                .setAt(at("2026-11-27T09:00:00Z"))
                .setScheduledAt(at("2026-12-01T15:00:00Z"))
                .build())
        .build();
  }

  static ConflictDetected conflictDetected() {
    return ConflictDetected.newBuilder()
        .setPostId("p1")
        .setMilestoneId("m2")
        .setBranchId("eastside")
        .setScheduledAt(at("2026-12-05T15:00:00Z"))
        .setMilestoneTitle("County fair")
        .setAvoidFrom(at("2026-12-05T12:00:00Z"))
        .setAvoidUntil(at("2026-12-05T22:00:00Z"))
        .setSuggestedAt(at("2026-12-05T22:00:00Z"))
        .setMessage("The county fair will drown this post out")
        .setDetectedAt(at("2026-11-27T10:00:02Z"))
        .build();
  }

  static ConflictCleared conflictCleared() {
    return ConflictCleared.newBuilder()
        .setPostId("p1")
        .setMilestoneId("m2")
        .setBranchId("eastside")
        .setCause(ClearCause.POST_MOVED)
        .setMessage("The post no longer clashes with the county fair")
        .setClearedAt(at("2026-11-28T10:00:00Z"))
        .build();
  }

  static AmplifyGap amplifyGap() {
    return AmplifyGap.newBuilder()
        .setMilestoneId("m1")
        .setBranchId("eastside")
        .setCampaignId("budget-2027")
        .setMilestoneTitle("Budget hearing")
        .setStartsAt(at("2026-12-01T18:00:00Z"))
        .setOpen(true)
        .setMessage("No budget post in the 72 hours before the hearing")
        .setAt(at("2026-11-27T10:00:03Z"))
        .build();
  }

  static Notification notification() {
    return Notification.newBuilder()
        .setNotificationId("i1/0/r1/EMAIL")
        .setIncidentId("i1")
        .setBranchId("eastside")
        .setKind(NotificationKind.ALERT)
        .setTier(0)
        .setSeverity(Severity.HIGH)
        .setRecipient(
            Recipient.newBuilder()
                .setResponderId("r1")
                .setName("Jordan Lee")
                .setRole("Communications lead")
                .build())
        .setChannel(ContactChannel.EMAIL)
        .setAddress("jlee@library.example.org")
        .setSubject("HIGH: book challenge at eastside")
        .setBody("Formal challenge...\nSteps:\n1. Do not reply")
        .setSummary("Formal challenge to a picture book")
        .setSteps(List.of("Do not reply on social media"))
        .setAcknowledgeUrl("https://ops.example.org/incidents/i1/ack")
        .setAckUrl("https://ops.example.org/ack/k1.1765000000.0.ZWFzdHNpZGU.aTE.YW5h.c2ln")
        .setCreatedAt(at("2026-11-30T16:05:01Z"))
        .build();
  }

  static DeliveryReceipt deliveryReceipt() {
    return DeliveryReceipt.newBuilder()
        .setNotificationId("i1/0/r1/EMAIL")
        .setStatus(DeliveryStatus.RETRYING)
        .setChannel(ContactChannel.EMAIL)
        .setAttempt(2)
        .setNextAttemptAt(at("2026-11-30T16:06:00Z"))
        .setReason("SMTP 451 try again later")
        .setOutbox(true)
        .setAt(at("2026-11-30T16:05:30Z"))
        .build();
  }

  static IncidentStatus incidentStatus() {
    return IncidentStatus.newBuilder()
        .setIncidentId("i1")
        .setBranchId("eastside")
        .setState(IncidentState.RESOLVED)
        .setSeverity(Severity.HIGH)
        .setSummary("Formal challenge to a picture book")
        .setTier(1)
        .setNotifiedCount(1)
        .setNotified(
            List.of(
                NotifiedContact.newBuilder()
                    .setNotificationId("i1/0/r1/EMAIL")
                    .setTier(0)
                    .setResponderId("r1")
                    .setName("Jordan Lee")
                    .setChannel(ContactChannel.EMAIL)
                    .build()))
        .setAcknowledgedBy("comms-lead")
        .setAcknowledgedAt(at("2026-11-30T16:12:00Z"))
        .setAcknowledgedVia(ResponseChannel.LINK)
        .setResolvedBy("comms-lead")
        .setResolvedAt(at("2026-12-02T09:00:00Z"))
        .setReportedAt(at("2026-11-30T16:05:00Z"))
        .setUpdatedAt(at("2026-12-02T09:00:00Z"))
        .build();
  }

  static Publication publication() {
    return Publication.newBuilder()
        .setPostId("p1")
        .setRevision(2)
        .setBranchId("eastside")
        .setChannelId("eastside/MASTODON")
        .setStatus(PublicationStatus.PUBLISHED)
        .setPublisher(PublisherKind.MASTODON)
        .setIdempotencyKey("p1/2")
        .setScheduledAt(at("2026-12-01T15:00:00Z"))
        .setAttempt(1)
        .setRemoteId("109876543210")
        .setUrl("https://social.example.org/@eastside/109876543210")
        .setNextAttemptAt(at("2026-12-01T15:00:10Z"))
        .setReason("published")
        .setAt(at("2026-12-01T15:00:01Z"))
        .build();
  }

  static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setSourceTopic("campaign.posts")
        .setPartition(3)
        .setOffset(12345678901L)
        .setApplicationId("campaign-governance")
        .setStage(DeadLetterStage.DESERIALIZATION)
        .setErrorClass("org.apache.kafka.common.errors.SerializationException")
        .setErrorMessage("Unknown magic byte!")
        .setKey(ByteBuffer.wrap("eastside".getBytes(StandardCharsets.UTF_8)))
        .setValue(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe}))
        .setFailedAt(at("2026-11-27T10:00:04Z"))
        .build();
  }

  /** The topic value of each input type, every field set. */
  static List<SpecificRecord> inputValues() {
    return List.of(
        new PostEvent(postDrafted()),
        new PostEvent(postWithdrawn()),
        new PostEvent(postReviewed()),
        milestone(),
        new IncidentEvent(incidentReported()),
        new IncidentEvent(incidentAcknowledged()),
        new IncidentEvent(incidentResolved()),
        new IncidentEvent(incidentEscalationRequested()),
        channelPolicy(),
        responsePlan(),
        rotationOverride(),
        branchSettings(),
        officials());
  }

  /** The topic value of each output type, every field set. */
  static List<SpecificRecord> outputValues() {
    return List.of(
        postDecision(),
        new ConflictEvent(conflictDetected()),
        new ConflictEvent(conflictCleared()),
        new ConflictEvent(amplifyGap()),
        notification(),
        deliveryReceipt(),
        incidentStatus(),
        publication(),
        deadLetter());
  }
}
