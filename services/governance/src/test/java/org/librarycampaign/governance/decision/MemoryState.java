package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import library.campaign.events.Platform;
import library.campaign.events.SignOffPolicy;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.policy.ChannelRules;

/**
 * {@link GovernanceState} in maps, for the rules' own tests. Ledgers and crises are copied in and
 * out, as a store would, so a test sees only what the governor saved.
 */
public final class MemoryState implements GovernanceState {

  private final Map<String, PostRecord> posts = new HashMap<>();
  private final Map<WindowKey, BalanceLedger> ledgers = new TreeMap<>();
  private final Map<String, BranchCrises> crises = new HashMap<>();
  private final Map<String, Instant> resolved = new HashMap<>();
  private final Map<String, ChannelRules> rules = new HashMap<>();
  private final Map<String, HashtagUse> firstUses = new HashMap<>();
  private final Map<String, HashtagUse> sentUses = new HashMap<>();
  private final Map<String, ReviewRecord> reviews = new HashMap<>();
  private final Map<String, SignOffPolicy> signOffs = new HashMap<>();

  /** The channel's sign-off policy (NONE unless set). */
  public MemoryState withSignOff(String branchId, Platform platform, SignOffPolicy policy) {
    signOffs.put(ChannelRules.channelId(branchId, platform), policy);
    return this;
  }

  @Override
  public Optional<ReviewRecord> reviews(String postId) {
    return Optional.ofNullable(reviews.get(postId));
  }

  @Override
  public void saveReviews(String postId, ReviewRecord record) {
    reviews.put(postId, record);
  }

  @Override
  public SignOffPolicy signOff(String branchId, Platform platform) {
    return signOffs.getOrDefault(ChannelRules.channelId(branchId, platform), SignOffPolicy.NONE);
  }

  public MemoryState withRules(ChannelRules channel) {
    rules.put(channel.channelId(), channel);
    return this;
  }

  /** Records uses in the first-use view at once, earliest winning, as the topology does. */
  public void recordUses(List<HashtagUse> uses) {
    for (HashtagUse use : uses) {
      firstUses.merge(
          use.normalizedHashtag(), use, (known, next) -> next.isBefore(known) ? next : known);
    }
  }

  public Map<WindowKey, BalanceLedger> ledgers() {
    return ledgers;
  }

  @Override
  public Optional<PostRecord> post(String postId) {
    return Optional.ofNullable(posts.get(postId));
  }

  @Override
  public void savePost(PostRecord post) {
    posts.put(post.postId(), post);
  }

  @Override
  public Optional<BalanceLedger> ledger(WindowKey key) {
    return Optional.ofNullable(ledgers.get(key)).map(MemoryState::copy);
  }

  @Override
  public void saveLedger(BalanceLedger ledger) {
    if (ledger.isEmpty()) {
      ledgers.remove(ledger.key());
    } else {
      ledgers.put(ledger.key(), copy(ledger));
    }
  }

  @Override
  public List<BalanceLedger> ledgersWithHeldPosts(String branchId) {
    return ledgers.values().stream()
        .filter(l -> l.key().branchId().equals(branchId) && l.hasHeld())
        .map(MemoryState::copy)
        .toList();
  }

  @Override
  public BranchCrises crises(String branchId) {
    BranchCrises known = crises.get(branchId);
    return known == null ? new BranchCrises() : new BranchCrises(known.open());
  }

  @Override
  public void saveCrises(String branchId, BranchCrises branchCrises) {
    crises.put(branchId, new BranchCrises(branchCrises.open()));
  }

  @Override
  public boolean isResolved(String branchId, String incidentId) {
    return resolved.containsKey(branchId + "/" + incidentId);
  }

  @Override
  public void markResolved(String branchId, String incidentId, Instant at) {
    resolved.put(branchId + "/" + incidentId, at);
  }

  @Override
  public ChannelRules rules(String branchId, Platform platform) {
    return rules.getOrDefault(
        ChannelRules.channelId(branchId, platform), ChannelRules.defaults(branchId, platform));
  }

  @Override
  public Optional<HashtagUse> firstUse(String normalizedHashtag) {
    return Optional.ofNullable(firstUses.get(normalizedHashtag));
  }

  @Override
  public Optional<HashtagUse> sentUse(String normalizedHashtag) {
    return Optional.ofNullable(sentUses.get(normalizedHashtag));
  }

  @Override
  public void saveSentUse(HashtagUse use) {
    sentUses.put(use.normalizedHashtag(), use);
  }

  private static BalanceLedger copy(BalanceLedger ledger) {
    return new BalanceLedger(
        ledger.key(),
        ledger.approvedContent(),
        ledger.approvedCampaign(),
        ledger.approvedPerDay(),
        ledger.held(),
        ledger.spaced());
  }
}
