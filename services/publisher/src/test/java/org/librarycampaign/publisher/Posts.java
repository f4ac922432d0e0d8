package org.librarycampaign.publisher;

import java.time.Instant;
import java.util.List;
import library.campaign.events.DecisionStatus;
import library.campaign.events.IncidentCategory;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.Media;
import library.campaign.events.MediaKind;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDecision;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import library.campaign.events.Severity;

/** Records for the publisher's tests. */
final class Posts {

  private Posts() {}

  static PostDrafted draft(
      String postId, int revision, Platform platform, PostCategory category, Instant at) {
    return PostDrafted.newBuilder()
        .setPostId(postId)
        .setRevision(revision)
        .setBranchId("eastside")
        .setPlatform(platform)
        .setCategory(category)
        .setCampaignId(category == PostCategory.CAMPAIGN ? "budget-2027" : null)
        .setText("Story time is back Tuesday at 10!")
        .setHashtags(List.of("#EastsideReads"))
        .setLinks(List.of("https://library.example.org/events"))
        .setMedia(
            List.of(
                Media.newBuilder()
                    .setKind(MediaKind.IMAGE)
                    .setUrl("https://library.example.org/img/story.jpg")
                    .setAltText("Children on a rug listening to a story")
                    .build()))
        .setScheduledAt(at)
        .setDraftedAt(at.minusSeconds(86_400))
        .build();
  }

  static PostEvent drafted(PostDrafted draft) {
    return new PostEvent(draft);
  }

  static PostEvent withdrawn(String postId, Platform platform, Instant at) {
    return new PostEvent(
        PostWithdrawn.newBuilder()
            .setPostId(postId)
            .setBranchId("eastside")
            .setPlatform(platform)
            .setReason("moved")
            .setWithdrawnAt(at)
            .build());
  }

  static PostDecision decision(PostDrafted draft, DecisionStatus status, boolean released) {
    return PostDecision.newBuilder()
        .setPostId(draft.getPostId())
        .setRevision(draft.getRevision())
        .setBranchId(draft.getBranchId())
        .setChannelId(draft.getBranchId() + "/" + draft.getPlatform())
        .setCategory(draft.getCategory())
        .setCampaignId(draft.getCampaignId())
        .setScheduledAt(draft.getScheduledAt())
        .setStatus(status)
        .setReleased(released)
        .setDecidedAt(draft.getDraftedAt())
        .build();
  }

  static IncidentEvent reported(String incidentId, Severity severity, Instant at) {
    return new IncidentEvent(
        IncidentReported.newBuilder()
            .setIncidentId(incidentId)
            .setBranchId("eastside")
            .setSeverity(severity)
            .setCategory(IncidentCategory.values()[0])
            .setSummary("A formal challenge")
            .setReportedBy("desk")
            .setReportedAt(at)
            .build());
  }

  static IncidentEvent resolved(String incidentId, Instant at) {
    return new IncidentEvent(
        IncidentResolved.newBuilder()
            .setIncidentId(incidentId)
            .setBranchId("eastside")
            .setBy("lead")
            .setAt(at)
            .setResolution("done")
            .build());
  }
}
