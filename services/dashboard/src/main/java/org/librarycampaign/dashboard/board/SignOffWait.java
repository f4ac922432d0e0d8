package org.librarycampaign.dashboard.board;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.PostFact;

/**
 * A live post that waits for a reviewer's sign-off: its channel requires one
 * (services/governance/README.md, "Sign-off") and no reviewer has approved this revision yet. The
 * publisher publishes it only once signed; a reviewer's APPROVE signs it.
 *
 * <p>A post whose time has passed unsigned is left out: the publisher no longer publishes it, and
 * nothing is left to sign (the wall clock decides, as governance expires held posts at their time).
 *
 * @param status the decision's status, APPROVED or HELD
 * @param waitingSince when the decision that asks for the sign-off was made
 * @param timeLeft how long until its scheduled time, in the channel's zone (else its branch's), as
 *     the held queue words it ("publishes in 3 h, at Wed 2 Dec, 15:00 CST, once signed")
 */
public record SignOffWait(
    String postId,
    int revision,
    String branchId,
    String channelId,
    String category,
    String campaignId,
    Instant scheduledAt,
    String status,
    String text,
    Instant waitingSince,
    String timeLeft) {

  private static final Set<String> LIVE = Set.of("APPROVED", "HELD");

  /** Every post waiting for sign-off whose time is still to come, the longest waiting first. */
  static List<SignOffWait> of(Facts facts, Zones zones, Instant now) {
    Map<String, PostFact> posts = new TreeMap<>();
    facts.posts().forEach(p -> posts.put(p.postId(), p));
    List<SignOffWait> waiting = new ArrayList<>();
    for (DecisionFact decision : facts.decisions()) {
      if (!LIVE.contains(decision.status())
          || decision.signOff() == null
          || !decision.signOff().waiting()
          || !decision.scheduledAt().isAfter(now)) {
        continue;
      }
      PostFact post = posts.get(decision.postId());
      waiting.add(
          new SignOffWait(
              decision.postId(),
              decision.revision(),
              decision.branchId(),
              decision.channelId(),
              decision.category(),
              decision.campaignId(),
              decision.scheduledAt(),
              decision.status(),
              post != null && post.revision() == decision.revision() ? post.text() : null,
              decision.decidedAt(),
              timeLeft(decision.scheduledAt(), now, zones.channel(decision.channelId()))));
    }
    waiting.sort(
        Comparator.comparing(SignOffWait::waitingSince).thenComparing(SignOffWait::postId));
    return waiting;
  }

  static String timeLeft(Instant scheduledAt, Instant now, ZoneId zone) {
    return "publishes in " + HeldPost.timeLeft(scheduledAt, now, zone) + ", once signed";
  }
}
