package org.librarycampaign.governance.rules;

import java.util.List;

/**
 * One governance rule over a drafted post: it either advises (warnings that never change the
 * status) or decides (a verdict that rejects or holds the post). {@link PostRules} asks every rule
 * in its one ordered list; the first verdict decides the post.
 *
 * <p>A rule holds its own code, condition and message; it changes nothing (the {@link
 * org.librarycampaign.governance.decision.Governor} applies the verdict to the week's ledger).
 */
public interface PostRule {

  /**
   * What the rule finds in the post: nothing when the post passes it; {@link Finding.Advice}s from
   * a rule that advises; at most one {@link Finding.Verdict} from a rule that {@link #decides()}.
   */
  List<Finding> check(PostContext post);

  /**
   * Whether the rule may give a verdict. Rules that decide are asked only until one gives a verdict
   * (a post is rejected or held for one reason at a time); rules that advise are always asked.
   */
  default boolean decides() {
    return false;
  }
}
