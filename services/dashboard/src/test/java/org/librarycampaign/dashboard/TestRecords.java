package org.librarycampaign.dashboard;

import java.time.Instant;
import java.util.List;
import library.campaign.events.AmplifyGap;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.ClearCause;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictDetected;
import library.campaign.events.ConflictEvent;
import library.campaign.events.ContactChannel;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.DecisionReason;
import library.campaign.events.DecisionStatus;
import library.campaign.events.DecisionWarning;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentCategory;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.MilestoneKind;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import library.campaign.events.NotifiedContact;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDecision;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import library.campaign.events.Publication;
import library.campaign.events.PublicationStatus;
import library.campaign.events.PublisherKind;
import library.campaign.events.ReasonCode;
import library.campaign.events.Recipient;
import library.campaign.events.Severity;
import library.campaign.events.WarningCode;

/** Records of every topic the dashboard reads, as the services write them, for the tests. */
public final class TestRecords {

  private TestRecords() {}

  public static PostEvent drafted(
      String postId,
      int revision,
      String branch,
      Platform platform,
      PostCategory category,
      Instant scheduledAt,
      String text) {
    return PostEvent.newBuilder()
        .setEvent(
            PostDrafted.newBuilder()
                .setPostId(postId)
                .setRevision(revision)
                .setBranchId(branch)
                .setPlatform(platform)
                .setCategory(category)
                .setCampaignId(category == PostCategory.CAMPAIGN ? "budget-2027" : null)
                .setText(text)
                .setHashtags(List.of("#FundOurLibrary"))
                .setScheduledAt(scheduledAt)
                .setAuthor("jlee")
                .setDraftedAt(scheduledAt.minusSeconds(86_400))
                .build())
        .build();
  }

  public static PostEvent withdrawn(String postId, String branch, Platform platform, Instant at) {
    return PostEvent.newBuilder()
        .setEvent(
            PostWithdrawn.newBuilder()
                .setPostId(postId)
                .setBranchId(branch)
                .setPlatform(platform)
                .setReason("duplicate")
                .setWithdrawnAt(at)
                .build())
        .build();
  }

  public static PostDecision decision(
      String postId,
      int revision,
      String branch,
      Platform platform,
      PostCategory category,
      Instant scheduledAt,
      DecisionStatus status,
      Instant decidedAt) {
    return PostDecision.newBuilder()
        .setPostId(postId)
        .setRevision(revision)
        .setBranchId(branch)
        .setChannelId(branch + "/" + platform.name())
        .setCategory(category)
        .setCampaignId(category == PostCategory.CAMPAIGN ? "budget-2027" : null)
        .setScheduledAt(scheduledAt)
        .setStatus(status)
        .setReleased(false)
        .setReasons(List.of())
        .setWarnings(List.of())
        .setWindow(null)
        .setDecidedAt(decidedAt)
        .build();
  }

  public static PostDecision held(
      String postId,
      String branch,
      Platform platform,
      Instant scheduledAt,
      ReasonCode code,
      String message,
      Instant decidedAt) {
    PostDecision decision =
        decision(
            postId,
            1,
            branch,
            platform,
            PostCategory.CAMPAIGN,
            scheduledAt,
            DecisionStatus.HELD,
            decidedAt);
    return PostDecision.newBuilder(decision)
        .setReasons(
            List.of(
                DecisionReason.newBuilder()
                    .setCode(code)
                    .setMessage(message)
                    .setContentPostsNeeded(code == ReasonCode.RATIO_LIMIT ? 3 : null)
                    .build()))
        .setWarnings(
            List.of(
                DecisionWarning.newBuilder()
                    .setCode(WarningCode.NO_VISUAL)
                    .setMessage("No image or video attached")
                    .build()))
        .build();
  }

  public static ChannelPolicy policy(
      String branch, Platform platform, int maxPerDay, String zone, boolean political) {
    return ChannelPolicy.newBuilder()
        .setBranchId(branch)
        .setPlatform(platform)
        .setContentPerCampaign(3)
        .setMaxPostsPerDay(maxPerDay)
        .setZone(zone)
        .setPoliticalSpeechAllowed(political)
        .build();
  }

  public static MilestoneEvent milestone(
      String id,
      int revision,
      MilestoneKind kind,
      String branch,
      String title,
      Instant startsAt,
      Instant endsAt,
      boolean cancelled) {
    return MilestoneEvent.newBuilder()
        .setMilestoneId(id)
        .setRevision(revision)
        .setKind(kind)
        .setStance(null)
        .setCampaignId(kind == MilestoneKind.CAMPAIGN_MILESTONE ? "budget-2027" : null)
        .setBranchId(branch)
        .setTitle(title)
        .setStartsAt(startsAt)
        .setEndsAt(endsAt)
        .setBufferMinutes(null)
        .setCancelled(cancelled)
        .build();
  }

  public static ConflictEvent conflictDetected(
      String postId,
      String milestoneId,
      String branch,
      Instant scheduledAt,
      String title,
      Instant avoidFrom,
      Instant avoidUntil) {
    return ConflictEvent.newBuilder()
        .setEvent(
            ConflictDetected.newBuilder()
                .setPostId(postId)
                .setMilestoneId(milestoneId)
                .setBranchId(branch)
                .setScheduledAt(scheduledAt)
                .setMilestoneTitle(title)
                .setAvoidFrom(avoidFrom)
                .setAvoidUntil(avoidUntil)
                .setSuggestedAt(avoidUntil)
                .setMessage("Falls during " + title + "; move it to after the event")
                .setDetectedAt(scheduledAt.minusSeconds(3600))
                .build())
        .build();
  }

  public static ConflictEvent conflictCleared(String postId, String milestoneId, String branch) {
    return ConflictEvent.newBuilder()
        .setEvent(
            ConflictCleared.newBuilder()
                .setPostId(postId)
                .setMilestoneId(milestoneId)
                .setBranchId(branch)
                .setCause(ClearCause.POST_MOVED)
                .setMessage("The post was moved")
                .setClearedAt(Instant.parse("2026-11-30T00:00:00Z"))
                .build())
        .build();
  }

  public static ConflictEvent amplifyGap(
      String milestoneId, String branch, String title, Instant startsAt, boolean open) {
    return ConflictEvent.newBuilder()
        .setEvent(
            AmplifyGap.newBuilder()
                .setMilestoneId(milestoneId)
                .setBranchId(branch)
                .setCampaignId("budget-2027")
                .setMilestoneTitle(title)
                .setStartsAt(startsAt)
                .setOpen(open)
                .setMessage(
                    open
                        ? "No budget-2027 post in the 72 hours before " + title
                        : "A budget-2027 post is scheduled before " + title)
                .setAt(startsAt.minusSeconds(7 * 86_400))
                .build())
        .build();
  }

  public static IncidentEvent reported(
      String incidentId, String branch, Severity severity, String summary, Instant at) {
    return IncidentEvent.newBuilder()
        .setEvent(
            IncidentReported.newBuilder()
                .setIncidentId(incidentId)
                .setBranchId(branch)
                .setSeverity(severity)
                .setCategory(IncidentCategory.BOOK_CHALLENGE)
                .setSummary(summary)
                .setReportedBy("front desk")
                .setReportedAt(at)
                .build())
        .build();
  }

  public static IncidentEvent acknowledged(
      String incidentId, String branch, String by, Instant at) {
    return IncidentEvent.newBuilder()
        .setEvent(
            IncidentAcknowledged.newBuilder()
                .setIncidentId(incidentId)
                .setBranchId(branch)
                .setBy(by)
                .setAt(at)
                .build())
        .build();
  }

  public static IncidentEvent resolved(String incidentId, String branch, Instant at) {
    return IncidentEvent.newBuilder()
        .setEvent(
            IncidentResolved.newBuilder()
                .setIncidentId(incidentId)
                .setBranchId(branch)
                .setBy("director")
                .setAt(at)
                .setResolution("The book stays")
                .build())
        .build();
  }

  public static IncidentStatus status(
      String incidentId,
      String branch,
      IncidentState state,
      int tier,
      List<Notification> notified,
      Instant at) {
    return IncidentStatus.newBuilder()
        .setIncidentId(incidentId)
        .setBranchId(branch)
        .setState(state)
        .setSeverity(Severity.HIGH)
        .setSummary("Challenge to a picture book")
        .setTier(tier)
        .setNotifiedCount(notified.size())
        .setNotified(
            notified.stream()
                .map(
                    n ->
                        NotifiedContact.newBuilder()
                            .setNotificationId(n.getNotificationId())
                            .setTier(n.getTier())
                            .setResponderId(n.getRecipient().getResponderId())
                            .setName(n.getRecipient().getName())
                            .setChannel(n.getChannel())
                            .build())
                .toList())
        .setAcknowledgedBy(null)
        .setReportedAt(at)
        .setUpdatedAt(at)
        .build();
  }

  public static Notification notification(
      String incidentId,
      String branch,
      int tier,
      String responderId,
      String name,
      ContactChannel channel,
      String address,
      Instant at) {
    return Notification.newBuilder()
        .setNotificationId(incidentId + "/" + tier + "/" + responderId + "/" + channel.name())
        .setIncidentId(incidentId)
        .setBranchId(branch)
        .setKind(NotificationKind.ALERT)
        .setTier(tier)
        .setSeverity(Severity.HIGH)
        .setRecipient(
            Recipient.newBuilder()
                .setResponderId(responderId)
                .setName(name)
                .setRole("Comms lead")
                .build())
        .setChannel(channel)
        .setAddress(address)
        .setSubject("[HIGH] Book challenge at " + branch)
        .setBody("Challenge to a picture book. Steps: pause campaign posts.")
        .setSummary("Challenge to a picture book")
        .setSteps(List.of("Pause campaign posts"))
        .setAcknowledgeUrl(null)
        .setCreatedAt(at)
        .build();
  }

  public static DeliveryReceipt receipt(
      String notificationId,
      DeliveryStatus status,
      ContactChannel channel,
      int attempt,
      boolean outbox,
      String reason,
      Instant at) {
    return DeliveryReceipt.newBuilder()
        .setNotificationId(notificationId)
        .setStatus(status)
        .setChannel(channel)
        .setAttempt(attempt)
        .setNextAttemptAt(status == DeliveryStatus.RETRYING ? at.plusSeconds(5) : null)
        .setReason(reason)
        .setOutbox(outbox)
        .setAt(at)
        .build();
  }

  public static DeadLetter deadLetter(String topic, int partition, long offset, Instant at) {
    return DeadLetter.newBuilder()
        .setSourceTopic(topic)
        .setPartition(partition)
        .setOffset(offset)
        .setApplicationId("campaign-governance")
        .setStage(DeadLetterStage.DESERIALIZATION)
        .setErrorClass("org.apache.kafka.common.errors.SerializationException")
        .setErrorMessage("Unknown magic byte!")
        .setKey(null)
        .setValue(null)
        .setFailedAt(at)
        .build();
  }

  /** A publisher receipt as the publisher writes it (remote id and URL only when PUBLISHED). */
  public static Publication publication(
      String postId,
      int revision,
      String channelId,
      PublicationStatus status,
      PublisherKind publisher,
      int attempt,
      String url,
      String reason,
      Instant scheduledAt,
      Instant at) {
    return Publication.newBuilder()
        .setPostId(postId)
        .setRevision(revision)
        .setBranchId(channelId.substring(0, channelId.indexOf('/')))
        .setChannelId(channelId)
        .setStatus(status)
        .setPublisher(publisher)
        .setIdempotencyKey(postId + "/" + revision)
        .setScheduledAt(scheduledAt)
        .setAttempt(attempt)
        .setRemoteId(
            status == PublicationStatus.PUBLISHED && url != null ? "remote-" + postId : null)
        .setUrl(url)
        .setNextAttemptAt(status == PublicationStatus.RETRYING ? at.plusSeconds(10) : null)
        .setReason(reason)
        .setAt(at)
        .build();
  }
}
