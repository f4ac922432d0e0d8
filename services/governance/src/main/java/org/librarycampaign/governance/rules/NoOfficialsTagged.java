package org.librarycampaign.governance.rules;

import java.util.List;
import java.util.regex.Pattern;
import library.campaign.events.WarningCode;
import org.librarycampaign.channelrules.PlatformDefaults;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Warning;
import org.librarycampaign.governance.officials.Mentions;
import org.librarycampaign.governance.officials.OfficialHandle;

/**
 * NO_OFFICIALS_TAGGED: a campaign post that tags none of the officials it could address.
 *
 * <p>With a directory of officials for the post's branch (its own, else {@code *}) that has
 * officials on the post's platform ({@link PostContext#officials()}), only a mention of one of them
 * counts ({@link Mentions}), and the message names who could be tagged. Without one, any mention
 * counts: governance cannot know who is an official.
 */
public final class NoOfficialsTagged implements PostRule {

  static final String MESSAGE =
      "No officials tagged: mention the officials this post addresses, e.g. @CountyExec";

  /** The most officials a message names; the rest are counted. */
  static final int NAMED = 5;

  private static final Pattern MENTION_IN_TEXT =
      Pattern.compile("(?<![\\p{L}\\p{N}_.@])@[\\p{L}\\p{N}_][\\p{L}\\p{N}_.]*");

  @Override
  public List<Finding> check(PostContext post) {
    Draft draft = post.draft();
    if (!draft.isCampaign()) {
      return List.of();
    }
    List<OfficialHandle> officials = post.officials();
    if (officials.isEmpty()) {
      return hasMention(draft) ? List.of() : warn(MESSAGE);
    }
    if (Mentions.tagsAny(draft, officials)) {
      return List.of();
    }
    return warn(message(draft, officials));
  }

  private static List<Finding> warn(String message) {
    return List.of(Finding.advice(Warning.of(WarningCode.NO_OFFICIALS_TAGGED, message)));
  }

  /** "No officials tagged: tag @CountyExec (County Executive) or @Lee (Board Chair) ...". */
  static String message(Draft draft, List<OfficialHandle> officials) {
    StringBuilder message = new StringBuilder("No officials tagged: tag ");
    int named = Math.min(NAMED, officials.size());
    for (int i = 0; i < named; i++) {
      if (i > 0) {
        message.append(i == officials.size() - 1 ? " or " : ", ");
      }
      OfficialHandle official = officials.get(i);
      message.append(official.tag()).append(" (").append(official.office()).append(')');
    }
    if (officials.size() > named) {
      message.append(" or one of ").append(officials.size() - named).append(" more");
    }
    message
        .append(", ")
        .append(draft.branchId())
        .append("'s officials on ")
        .append(PlatformDefaults.displayName(draft.platform()));
    if (!Mentions.in(draft).isEmpty()) {
      message.append("; the accounts this post mentions are not in the directory");
    }
    return message.toString();
  }

  private static boolean hasMention(Draft draft) {
    return draft.mentions().stream().anyMatch(m -> !m.isBlank())
        || MENTION_IN_TEXT.matcher(draft.text()).find();
  }
}
