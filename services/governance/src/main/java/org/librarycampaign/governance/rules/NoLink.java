package org.librarycampaign.governance.rules;

import java.util.List;
import java.util.regex.Pattern;
import library.campaign.events.WarningCode;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Warning;

/** NO_LINK: a campaign post with no link, in its links or as an address in its text. */
public final class NoLink implements PostRule {

  static final String MESSAGE = "No link: add one where readers can act or learn more";

  private static final Pattern LINK_IN_TEXT =
      Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(https?://|www\\.)\\S+");

  @Override
  public List<Finding> check(PostContext post) {
    if (post.draft().isCampaign() && !hasLink(post.draft())) {
      return List.of(Finding.advice(Warning.of(WarningCode.NO_LINK, MESSAGE)));
    }
    return List.of();
  }

  private static boolean hasLink(Draft draft) {
    return draft.links().stream().anyMatch(link -> !link.isBlank())
        || LINK_IN_TEXT.matcher(draft.text()).find();
  }
}
