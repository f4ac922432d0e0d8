package org.librarycampaign.governance.checks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import library.campaign.events.WarningCode;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Messages;
import org.librarycampaign.governance.decision.Warning;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.hashtags.Hashtags;

/**
 * The checks that only warn (services/governance/README.md#the-rules), in the order of the warning
 * codes: NO_CALL_TO_ACTION, NO_LINK, NO_VISUAL, HASHTAG_USED_BEFORE (one per tag),
 * NO_OFFICIALS_TAGGED, CRISIS_ACTIVE.
 */
public final class PostChecks {

  private static final Pattern LINK_IN_TEXT =
      Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(https?://|www\\.)\\S+");
  private static final Pattern MENTION_IN_TEXT =
      Pattern.compile("(?<![\\p{L}\\p{N}_.@])@[\\p{L}\\p{N}_][\\p{L}\\p{N}_.]*");

  private final CallToAction callToAction;

  public PostChecks(CallToAction callToAction) {
    this.callToAction = callToAction;
  }

  /**
   * The warnings of a draft.
   *
   * @param uses the draft's own tag uses ({@link #hashtagUses})
   * @param firstUses the first use of each normalized tag, across all branches
   * @param zone the channel's zone, for the dates in messages
   */
  public List<Warning> warnings(
      Draft draft,
      List<HashtagUse> uses,
      BranchCrises crises,
      Function<String, Optional<HashtagUse>> firstUses,
      ZoneId zone) {
    List<Warning> warnings = new ArrayList<>();
    if (draft.isCampaign() && !callToAction.isIn(draft.text())) {
      warnings.add(Warning.of(WarningCode.NO_CALL_TO_ACTION, Messages.noCallToAction()));
    }
    if (draft.isCampaign() && !hasLink(draft)) {
      warnings.add(Warning.of(WarningCode.NO_LINK, Messages.noLink()));
    }
    if (draft.mediaCount() == 0) {
      warnings.add(Warning.of(WarningCode.NO_VISUAL, Messages.noVisual()));
    }
    for (HashtagUse use : uses) {
      firstUses
          .apply(use.normalizedHashtag())
          .filter(first -> !first.postId().equals(draft.postId()))
          .filter(first -> !first.sameUserAs(use))
          .filter(first -> first.isBefore(use))
          .ifPresent(
              first ->
                  warnings.add(
                      new Warning(
                          WarningCode.HASHTAG_USED_BEFORE,
                          Messages.hashtagUsedBefore(use.hashtag(), first, zone),
                          use.hashtag(),
                          first.usedBy(),
                          first.usedAt())));
    }
    if (draft.isCampaign() && !hasMention(draft)) {
      warnings.add(Warning.of(WarningCode.NO_OFFICIALS_TAGGED, Messages.noOfficialsTagged()));
    }
    if (!draft.isCampaign() && crises.isActive()) {
      warnings.add(
          Warning.of(WarningCode.CRISIS_ACTIVE, Messages.crisisActive(draft.branchId(), crises)));
    }
    return warnings;
  }

  /**
   * The uses of its tags a draft makes: the user is its campaign (campaign posts) or branch; a tag
   * is "used before" only by an earlier use than this one (at {@code draftedAt}).
   */
  public static List<HashtagUse> hashtagUses(Draft draft, Instant draftedAt) {
    String campaignId = draft.isCampaign() ? draft.campaignId() : null;
    return Hashtags.inPost(draft.hashtags(), draft.text()).stream()
        .map(tag -> new HashtagUse(tag, draft.branchId(), campaignId, draft.postId(), draftedAt))
        .toList();
  }

  private static boolean hasLink(Draft draft) {
    return draft.links().stream().anyMatch(link -> !link.isBlank())
        || LINK_IN_TEXT.matcher(draft.text()).find();
  }

  private static boolean hasMention(Draft draft) {
    return draft.mentions().stream().anyMatch(m -> !m.isBlank())
        || MENTION_IN_TEXT.matcher(draft.text()).find();
  }
}
