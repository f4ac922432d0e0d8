package org.librarycampaign.governance;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.Officials;
import library.campaign.events.Platform;
import library.campaign.events.SignOffPolicy;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.librarycampaign.channelrules.Pacing;
import org.librarycampaign.channelrules.PlatformDefaults;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.GovernanceState;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.governance.decision.ReviewRecord;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.officials.OfficialHandle;
import org.librarycampaign.governance.policy.ChannelRules;
import org.librarycampaign.platform.time.LocalZones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link GovernanceState} over the named state stores of one task. */
final class StoreState implements GovernanceState {

  private static final Logger LOGGER = LoggerFactory.getLogger(StoreState.class);
  private static final StringSerializer KEYS = new StringSerializer();

  /** The key of the directory of every branch without its own. */
  private static final String EVERY_BRANCH = "*";

  private final KeyValueStore<String, PostRecord> posts;
  private final KeyValueStore<String, BalanceLedger> ledgers;
  private final KeyValueStore<String, BranchCrises> crises;
  private final KeyValueStore<String, Long> resolvedIncidents;
  private final ReadOnlyKeyValueStore<String, ChannelPolicy> policies;
  private final ReadOnlyKeyValueStore<String, HashtagUse> hashtagView;
  private final KeyValueStore<String, HashtagUse> sentUses;
  private final ReadOnlyKeyValueStore<String, Officials> officials;
  private final KeyValueStore<String, ReviewRecord> reviews;
  private final LocalZones branchZones;

  StoreState(
      KeyValueStore<String, PostRecord> posts,
      KeyValueStore<String, BalanceLedger> ledgers,
      KeyValueStore<String, BranchCrises> crises,
      KeyValueStore<String, Long> resolvedIncidents,
      ReadOnlyKeyValueStore<String, ChannelPolicy> policies,
      ReadOnlyKeyValueStore<String, HashtagUse> hashtagView,
      KeyValueStore<String, HashtagUse> sentUses,
      ReadOnlyKeyValueStore<String, Officials> officials,
      KeyValueStore<String, ReviewRecord> reviews,
      ReadOnlyKeyValueStore<String, BranchSettings> branchSettings) {
    this.posts = posts;
    this.ledgers = ledgers;
    this.crises = crises;
    this.resolvedIncidents = resolvedIncidents;
    this.policies = policies;
    this.hashtagView = hashtagView;
    this.sentUses = sentUses;
    this.officials = officials;
    this.reviews = reviews;
    // the branch's zone, else that of every branch (*), else UTC; the channel's own zone is
    // asked first, in rules (README.md, "Local time")
    this.branchZones = new LocalZones(key -> null, branchSettings::get, PlatformDefaults.ZONE);
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
    ChannelPolicy policy = policies.get(ChannelRules.channelId(branchId, platform));
    return policy == null || policy.getSignOff() == null ? SignOffPolicy.NONE : policy.getSignOff();
  }

  /**
   * The post record {@link #branchOf} read for the event being processed ({@code checkedId} null:
   * none): the event's first read of the post takes it instead of reading the store again. Valid
   * until a post record is written or the event ends ({@link #endEvent}).
   */
  private String checkedId;

  private PostRecord checked;

  /**
   * The branch of the post this task keeps under {@code postId}, null for a post it does not know;
   * what the processor checks a post event's branch against
   * (docs/ARCHITECTURE.md#ownership-and-placement). The record read is kept for the event's own
   * read of it.
   */
  String branchOf(String postId) {
    checked = posts.get(postId);
    checkedId = postId;
    return checked == null ? null : checked.branchId();
  }

  /** The event is over: the next one reads the store. */
  void endEvent() {
    checkedId = null;
    checked = null;
  }

  @Override
  public Optional<PostRecord> post(String postId) {
    if (postId.equals(checkedId)) {
      return Optional.ofNullable(checked);
    }
    return Optional.ofNullable(posts.get(postId));
  }

  @Override
  public void savePost(PostRecord post) {
    endEvent();
    posts.put(post.postId(), post);
  }

  @Override
  public Optional<BalanceLedger> ledger(WindowKey key) {
    return Optional.ofNullable(ledgers.get(key.asString()));
  }

  @Override
  public void saveLedger(BalanceLedger ledger) {
    if (ledger.isEmpty()) {
      ledgers.delete(ledger.key().asString());
    } else {
      ledgers.put(ledger.key().asString(), ledger);
    }
  }

  @Override
  public List<BalanceLedger> ledgersWithHeldPosts(String branchId) {
    List<BalanceLedger> held = new ArrayList<>();
    try (KeyValueIterator<String, BalanceLedger> all =
        ledgers.prefixScan(WindowKey.branchPrefix(branchId), KEYS)) {
      while (all.hasNext()) {
        KeyValue<String, BalanceLedger> entry = all.next();
        if (entry.value != null && entry.value.hasHeld()) {
          held.add(entry.value);
        }
      }
    }
    return held;
  }

  @Override
  public BranchCrises crises(String branchId) {
    BranchCrises known = crises.get(branchId);
    return known != null ? known : new BranchCrises();
  }

  @Override
  public void saveCrises(String branchId, BranchCrises branchCrises) {
    if (branchCrises.isEmpty()) {
      crises.delete(branchId);
    } else {
      crises.put(branchId, branchCrises);
    }
  }

  @Override
  public boolean isResolved(String branchId, String incidentId) {
    return resolvedIncidents.get(incidentKey(branchId, incidentId)) != null;
  }

  @Override
  public void markResolved(String branchId, String incidentId, Instant at) {
    resolvedIncidents.put(incidentKey(branchId, incidentId), at.toEpochMilli());
  }

  private static String incidentKey(String branchId, String incidentId) {
    return branchId + "/" + incidentId;
  }

  /**
   * The channel's policy over the defaults, in the channel's zone: its policy's, else its branch's
   * settings', else those of every branch ({@code *}), else UTC. Days, weeks and every time in a
   * message follow that zone (services/governance/README.md#local-time).
   */
  @Override
  public ChannelRules rules(String branchId, Platform platform) {
    String channelId = ChannelRules.channelId(branchId, platform);
    ChannelPolicy policy = policies.get(channelId);
    ZoneId own = policy == null ? null : zone(channelId, policy.getZone());
    ZoneId zone = own != null ? own : branchZones.zone(branchId);
    if (policy == null) {
      return ChannelRules.of(branchId, platform, null, null, zone, null);
    }
    return ChannelRules.of(
            branchId,
            platform,
            policy.getContentPerCampaign(),
            policy.getMaxPostsPerDay(),
            zone,
            policy.getPoliticalSpeechAllowed())
        .withPacing(
            Pacing.of(policy.getMinMinutesBetweenPosts(), policy.getMaxCampaignPostsPerWeek()));
  }

  @Override
  public List<OfficialHandle> officials(String branchId, Platform platform) {
    Officials directory = officials.get(branchId);
    if (directory == null) {
      directory = officials.get(EVERY_BRANCH);
    }
    return directory == null ? List.of() : OfficialsMapping.onPlatform(directory, platform);
  }

  @Override
  public Optional<HashtagUse> firstUse(String normalizedHashtag) {
    return Optional.ofNullable(hashtagView.get(normalizedHashtag));
  }

  @Override
  public Optional<HashtagUse> sentUse(String normalizedHashtag) {
    return Optional.ofNullable(sentUses.get(normalizedHashtag));
  }

  @Override
  public void saveSentUse(HashtagUse use) {
    sentUses.put(use.normalizedHashtag(), use);
  }

  /**
   * A zone Java does not know falls back to the branch's: one bad policy must not stop the channel.
   */
  private static ZoneId zone(String channelId, String zone) {
    if (zone == null || zone.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      LOGGER
          .atWarn()
          .addKeyValue("channelId", channelId)
          .addKeyValue("zone", zone)
          .log("Channel policy names an unknown time zone; using the branch's zone");
      return null;
    }
  }
}
