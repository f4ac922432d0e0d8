package org.librarycampaign.publisher.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.librarycampaign.platform.time.LocalTimes;

/**
 * Whether a revision of a post is published when its time comes (and again before each retry).
 * Plain rules, no Kafka: the stream processor keeps the state and asks here. In this order:
 *
 * <ol>
 *   <li>the post is unknown, or this is no longer its latest revision: dropped without a receipt
 *       (the later revision has its own time);
 *   <li>the branch withdrew it: SKIPPED;
 *   <li>a first attempt more than {@code maxLateness} after its time (the publisher was down, or no
 *       decision came): SKIPPED;
 *   <li>no decision for this revision yet, or it is HELD (governance expires a post still held at
 *       its time, so EXPIRED, or a release, follows): wait, asked again at every punctuation; still
 *       HELD {@code maxLateness} after its time: SKIPPED;
 *   <li>the decision is not APPROVED (REJECTED, WITHDRAWN, EXPIRED; HELD before a retry): SKIPPED;
 *       a released post is APPROVED;
 *   <li>a campaign post while its branch has an open HIGH or CRITICAL incident (governance's
 *       CRISIS_PAUSE): SKIPPED;
 *   <li>its channel requires sign-off and no reviewer signed this revision: SKIPPED "not signed
 *       off";
 *   <li>otherwise: published.
 * </ol>
 */
public final class PublishRules {

  private final Duration maxLateness;

  public PublishRules(Duration maxLateness) {
    if (maxLateness.isNegative()) {
      throw new IllegalArgumentException("maxLateness must not be negative, got " + maxLateness);
    }
    this.maxLateness = maxLateness;
  }

  public Duration maxLateness() {
    return maxLateness;
  }

  /**
   * @param revision the revision whose schedule entry is due
   * @param post the post's latest revision as kept, or null
   * @param decision the post's latest decision, or null
   * @param incidents the post's branch's incidents
   * @param attempt the attempt this would be (1 for the first)
   */
  public Verdict decide(
      int revision,
      PostState post,
      DecisionState decision,
      BranchIncidents incidents,
      int attempt,
      Instant now) {
    if (post == null) {
      return new Verdict.Drop("the post is unknown");
    }
    if (post.revision() != revision) {
      return new Verdict.Drop("revision " + revision + " was replaced by " + post.revision());
    }
    if (post.withdrawn()) {
      return new Verdict.Skip(withdrawn(post));
    }
    boolean decided = decision != null && decision.revision() == revision;
    if (attempt == 1 && now.isAfter(post.scheduledAt().plus(maxLateness))) {
      if (decided && decision.held()) {
        return new Verdict.Skip(
            "its decision is still HELD "
                + LocalTimes.duration(maxLateness)
                + " after its time: governance neither released nor expired it; not published");
      }
      if (!decided) {
        return new Verdict.Skip(
            "no decision for revision "
                + revision
                + " within "
                + LocalTimes.duration(maxLateness)
                + " after its time; not published unapproved");
      }
      return new Verdict.Skip(
          "too late: first tried "
              + LocalTimes.duration(Duration.between(post.scheduledAt(), now))
              + " after its time (more than "
              + LocalTimes.duration(maxLateness)
              + " late)");
    }
    if (!decided) {
      return new Verdict.Wait("no decision for revision " + revision + " yet");
    }
    if (attempt == 1 && decision.held()) {
      // Governance expires a post still held at its time, or released it just before: HELD at
      // the instant is not its last word. Waiting for EXPIRED (or APPROVED) makes the receipt
      // name the decision that stands, whatever order the two arrive in (exact under replay).
      return new Verdict.Wait("revision " + revision + " is HELD: waiting for its expiry");
    }
    if (!decision.approved()) {
      return new Verdict.Skip(
          "its decision is " + decision.status() + ", not APPROVED, at its time");
    }
    List<String> crises = incidents == null ? List.of() : incidents.crises();
    if (post.isCampaign() && !crises.isEmpty()) {
      return new Verdict.Skip(
          "paused: "
              + post.branchId()
              + " is in a crisis ("
              + String.join(", ", crises)
              + ") at its time; campaign posts are not published");
    }
    if (decision.awaitsSignOff()) {
      return new Verdict.Skip(
          "not signed off: "
              + post.channelId()
              + " requires a reviewer's sign-off of revision "
              + revision
              + " and it had none at its time");
    }
    return Verdict.PUBLISH;
  }

  /**
   * The reason of a withdrawn post's receipt. Receipts are read by people on the dashboard, so no
   * bare UTC instant: how long before its time the branch withdrew it (the withdrawal itself, with
   * its time, is on the post's record).
   */
  private static String withdrawn(PostState post) {
    Instant at = post.withdrawnAt();
    if (at == null || !at.isBefore(post.scheduledAt())) {
      return "withdrawn by the branch";
    }
    return "withdrawn by the branch "
        + LocalTimes.duration(Duration.between(at, post.scheduledAt()))
        + " before its time";
  }
}
