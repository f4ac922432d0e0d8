package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import library.campaign.events.Platform;
import library.campaign.events.SignOffPolicy;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.officials.OfficialHandle;
import org.librarycampaign.governance.policy.ChannelRules;

/**
 * Where the {@link Governor} keeps what it knows: in Kafka Streams state stores in production, in
 * maps in tests. Everything one branch owns (its posts, ledgers and crises) is read and written
 * here; channel rules and first hashtag uses are read only.
 */
public interface GovernanceState {

  Optional<PostRecord> post(String postId);

  void savePost(PostRecord post);

  Optional<BalanceLedger> ledger(WindowKey key);

  /** Stores the ledger, or forgets it when it {@link BalanceLedger#isEmpty() is empty}. */
  void saveLedger(BalanceLedger ledger);

  /** Every ledger of the branch that has held posts, in any order. */
  List<BalanceLedger> ledgersWithHeldPosts(String branchId);

  /** The branch's open incidents; none known is an empty {@link BranchCrises}. */
  BranchCrises crises(String branchId);

  /** Stores the branch's open incidents, or forgets them when there are none. */
  void saveCrises(String branchId, BranchCrises crises);

  /** Whether the incident was resolved: a later report of it (a replay) changes nothing. */
  boolean isResolved(String branchId, String incidentId);

  /** Remembers that the incident was resolved, and when. */
  void markResolved(String branchId, String incidentId, Instant at);

  /** The channel's policy over the defaults. */
  ChannelRules rules(String branchId, Platform platform);

  /**
   * The officials a post on the branch and platform could tag: the branch's own directory, else the
   * {@code *} directory, those of its officials with a handle on the platform. Empty without a
   * directory (or none of its officials on the platform).
   */
  default List<OfficialHandle> officials(String branchId, Platform platform) {
    return List.of();
  }

  /** The first use of a normalized tag, across all branches, as far as it is known yet. */
  Optional<HashtagUse> firstUse(String normalizedHashtag);

  /**
   * The earliest use of a normalized tag this task has already sent to the first-use view (which
   * may not show it yet). Only decides what is worth sending; never what a post is warned about.
   */
  Optional<HashtagUse> sentUse(String normalizedHashtag);

  void saveSentUse(HashtagUse use);

  /** What is kept of a post for its reviews (services/governance/README.md#reviews). */
  default Optional<ReviewRecord> reviews(String postId) {
    return Optional.empty();
  }

  default void saveReviews(String postId, ReviewRecord record) {
    throw new UnsupportedOperationException("this state keeps no reviews");
  }

  /** The channel's sign-off policy; NONE when its policy names none. */
  default SignOffPolicy signOff(String branchId, Platform platform) {
    return SignOffPolicy.NONE;
  }
}
