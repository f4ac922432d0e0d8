package org.librarycampaign.governance.rules;

import java.util.List;
import java.util.regex.Pattern;
import library.campaign.events.WarningCode;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Warning;

/**
 * NO_OFFICIALS_TAGGED: a campaign post that mentions nobody. Any mention counts: governance cannot
 * know who is an official.
 */
public final class NoOfficialsTagged implements PostRule {

  static final String MESSAGE =
      "No officials tagged: mention the officials this post addresses, e.g. @CountyExec";

  private static final Pattern MENTION_IN_TEXT =
      Pattern.compile("(?<![\\p{L}\\p{N}_.@])@[\\p{L}\\p{N}_][\\p{L}\\p{N}_.]*");

  @Override
  public List<Finding> check(PostContext post) {
    if (post.draft().isCampaign() && !hasMention(post.draft())) {
      return List.of(Finding.advice(Warning.of(WarningCode.NO_OFFICIALS_TAGGED, MESSAGE)));
    }
    return List.of();
  }

  private static boolean hasMention(Draft draft) {
    return draft.mentions().stream().anyMatch(m -> !m.isBlank())
        || MENTION_IN_TEXT.matcher(draft.text()).find();
  }
}
