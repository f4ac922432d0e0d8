package org.librarycampaign.governance;

import java.util.List;
import library.campaign.events.DecisionOverride;
import library.campaign.events.DecisionReason;
import library.campaign.events.DecisionReview;
import library.campaign.events.DecisionSignOff;
import library.campaign.events.DecisionWarning;
import library.campaign.events.DecisionWindow;
import library.campaign.events.Media;
import library.campaign.events.PostDecision;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostReviewed;
import org.librarycampaign.governance.decision.Audit;
import org.librarycampaign.governance.decision.Decision;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Reason;
import org.librarycampaign.governance.decision.Review;
import org.librarycampaign.governance.decision.ReviewEntry;
import org.librarycampaign.governance.decision.ReviewRecord;
import org.librarycampaign.governance.decision.Warning;

/** Between the Avro contract records and the rules' own types. */
final class AvroMapping {

  private AvroMapping() {}

  static Draft draft(PostDrafted drafted) {
    return new Draft(
        drafted.getPostId(),
        drafted.getRevision(),
        drafted.getBranchId(),
        drafted.getPlatform(),
        drafted.getCategory(),
        drafted.getCampaignId(),
        drafted.getText(),
        orEmpty(drafted.getHashtags()),
        orEmpty(drafted.getMentions()),
        orEmpty(drafted.getLinks()),
        drafted.getMedia() == null ? 0 : drafted.getMedia().size(),
        drafted.getScheduledAt(),
        drafted.getDraftedAt(),
        drafted.getMedia() == null
            ? List.of()
            : drafted.getMedia().stream().map(Media::getKind).toList());
  }

  static Review review(PostReviewed reviewed) {
    return new Review(
        reviewed.getPostId(),
        reviewed.getRevision(),
        reviewed.getBranchId(),
        reviewed.getPlatform(),
        reviewed.getAction(),
        reviewed.getReason(),
        reviewed.getReviewer(),
        reviewed.getReviewedAt(),
        reviewed.getScheduledAt());
  }

  static PostDecision decision(Decision decision) {
    return PostDecision.newBuilder()
        .setPostId(decision.postId())
        .setRevision(decision.revision())
        .setBranchId(decision.branchId())
        .setChannelId(decision.channelId())
        .setCategory(decision.category())
        .setCampaignId(decision.campaignId())
        .setScheduledAt(decision.scheduledAt())
        .setStatus(decision.status())
        .setReleased(decision.released())
        .setReasons(decision.reasons().stream().map(AvroMapping::reason).toList())
        .setWarnings(decision.warnings().stream().map(AvroMapping::warning).toList())
        .setWindow(
            DecisionWindow.newBuilder()
                .setStart(decision.window().start())
                .setEnd(decision.window().end())
                .setContent(decision.window().content())
                .setCampaign(decision.window().campaign())
                .setAllowedCampaign(decision.window().allowedCampaign())
                .build())
        .setDecidedAt(decision.decidedAt())
        .setOverride(override(decision.audit().override()))
        .setReviews(
            decision.audit().reviews().isEmpty()
                ? null
                : decision.audit().reviews().stream().map(AvroMapping::review).toList())
        .setSignOff(signOff(decision.audit().signOff()))
        .setReview(review(decision.audit().review()))
        .build();
  }

  private static DecisionOverride override(ReviewRecord.Stamp stamp) {
    return stamp == null
        ? null
        : DecisionOverride.newBuilder()
            .setReviewer(stamp.reviewer())
            .setReason(stamp.reason())
            .setAt(stamp.at())
            .build();
  }

  private static DecisionReview review(ReviewEntry entry) {
    return entry == null
        ? null
        : DecisionReview.newBuilder()
            .setRevision(entry.revision())
            .setAction(entry.action())
            .setReviewer(entry.reviewer())
            .setReason(entry.reason())
            .setAt(entry.at())
            .setScheduledAt(entry.scheduledAt())
            .build();
  }

  private static DecisionSignOff signOff(Audit.SignOff signOff) {
    return signOff == null
        ? null
        : DecisionSignOff.newBuilder()
            .setRequired(true)
            .setSignedBy(signOff.signedBy())
            .setSignedAt(signOff.signedAt())
            .build();
  }

  private static DecisionReason reason(Reason reason) {
    return DecisionReason.newBuilder()
        .setCode(reason.code())
        .setMessage(reason.message())
        .setNextDayWithRoom(
            reason.nextDayWithRoom() == null ? null : reason.nextDayWithRoom().toString())
        .setContentPostsNeeded(reason.contentPostsNeeded())
        .build();
  }

  private static DecisionWarning warning(Warning warning) {
    return DecisionWarning.newBuilder()
        .setCode(warning.code())
        .setMessage(warning.message())
        .setHashtag(warning.hashtag())
        .setFirstUsedBy(warning.firstUsedBy())
        .setFirstUsedAt(warning.firstUsedAt())
        .setUsesElsewhere(warning.usesElsewhere())
        .setExampleUrl(warning.exampleUrl())
        .build();
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
