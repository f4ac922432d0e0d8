package org.librarycampaign.publisher.rules;

/** What the rules say about a due revision of a post. */
public sealed interface Verdict {

  /** Publish it now (this attempt). */
  record Publish() implements Verdict {}

  /** Not published, ever: a SKIPPED receipt says why. */
  record Skip(String reason) implements Verdict {}

  /**
   * Not yet: the revision has no decision yet (governance is behind); asked again at every
   * punctuation until a decision comes or the revision is too late.
   */
  record Wait(String why) implements Verdict {}

  /**
   * Nothing to say: the revision is no longer the post's latest (a later revision has its own
   * schedule), or the post is unknown. No receipt.
   */
  record Drop(String why) implements Verdict {}

  Verdict PUBLISH = new Publish();
}
