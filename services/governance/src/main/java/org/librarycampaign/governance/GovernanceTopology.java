package org.librarycampaign.governance;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import library.campaign.events.PostDecision;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.governance.GovernanceOutput.DecisionOut;
import org.librarycampaign.governance.GovernanceOutput.HashtagClaim;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.hashtags.lookup.HashtagLookup;
import org.librarycampaign.governance.hashtags.lookup.HashtagLookupSettings;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.state.Retention;
import org.librarycampaign.platform.state.TimeOrderedKey;
import org.librarycampaign.platform.streams.BranchRouting;
import org.librarycampaign.platform.streams.GlobalView;
import org.librarycampaign.platform.streams.InputRules;
import org.librarycampaign.platform.streams.OwnershipGate;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The governance topology.
 *
 * <pre>
 * campaign.posts ─▶ by branch ─────────────────────┐
 *                                                    ├─▶ governance-decide ──┬─▶ decisions ─▶ by postId
 * campaign.incidents ─▶ by branch ─▶ incident gate ─┘   (per branch: posts, │   ─▶ decision gate
 *                                                         ledgers, crises)   │   ─▶ campaign.post-decisions
 *                                                                            └─▶ hashtag uses ──▶ repartition by tag
 *                                                  ─▶ governance-record-first-use
 *                                                  ─▶ &lt;application id&gt;-hashtag-first-use
 *
 * global stores: governance-channel-policies  (campaign.channel-policies)
 *                governance-officials         (campaign.officials)
 *                governance-branch-settings   (campaign.branch-settings)
 *                governance-hashtag-view      (&lt;application id&gt;-hashtag-first-use)
 * </pre>
 *
 * <p>Both inputs are routed by branch ({@link BranchRouting}) whatever partition a producer chose,
 * so one task sees every event of a branch, each producer's in its order, merged in timestamp
 * order. Another branch's event about a post id the task keeps is refused by the processor (the
 * owner is the branch of the post record), about an incident id by the incident gate ({@link
 * OwnershipGate}). See the module README for the design of the hashtag view.
 */
public final class GovernanceTopology {

  public static final String POSTS_STORE = "governance-posts";
  public static final String LEDGERS_STORE = "governance-ledgers";
  public static final String CRISES_STORE = "governance-crises";
  public static final String RESOLVED_INCIDENTS_STORE = "governance-resolved-incidents";
  public static final String POLICIES_STORE = "governance-channel-policies";
  public static final String OFFICIALS_STORE = "governance-officials";

  /** The branches' settings (campaign.branch-settings): the zone of a channel without one. */
  public static final String BRANCH_SETTINGS_STORE = "governance-branch-settings";

  public static final String HASHTAG_FIRST_USE_STORE = "governance-hashtag-first-use";
  public static final String HASHTAG_VIEW_STORE = "governance-hashtag-view";
  public static final String SENT_HASHTAG_USES_STORE = "governance-sent-hashtag-uses";
  public static final String HASHTAG_USES_REPARTITION = "governance-hashtag-uses";
  public static final String REVIEWS_STORE = "governance-reviews";

  /** The schedule of stale holds: (scheduled time, postId) of every HELD post of the task. */
  public static final String HOLD_EXPIRIES_STORE = "governance-hold-expiries";

  /** The branch routes of the inputs ({@code <application id>-<name>-by-branch-repartition}). */
  public static final String POSTS_ROUTE = "governance-posts";

  public static final String INCIDENTS_ROUTE = "governance-incidents";

  /**
   * The in-task ownership gate of incidents (store {@code <name>-owners}); posts have none, the
   * processor reads a post's owner from {@link #POSTS_STORE}.
   */
  public static final String INCIDENT_GATE = "governance-incident";

  /** The ownership gate of decisions, keyed by postId ({@code <name>-by-id-repartition}). */
  public static final String DECISION_GATE = "governance-decision";

  private static final String DECISIONS_BRANCH = "governance-decisions";
  private static final String HASHTAG_USES_BRANCH = "governance-hashtag-uses-out";

  private GovernanceTopology() {}

  /**
   * The topology with the settings of {@code config}, looking new hashtags up on the network where
   * a channel has an account ({@link HashtagLookupSettings}; none configured, no look-up).
   */
  public static Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return build(
        GovernanceSettings.from(config), topics, HashtagLookupSettings.from(config).lookup());
  }

  /**
   * What {@code campaign plan} runs: the same topology that never reaches the network, whatever
   * accounts the config names (decisions as without a look-up).
   */
  public static Topology planTopology(CampaignConfig config, TopicCatalogue topics) {
    return build(GovernanceSettings.from(config), topics);
  }

  /** The topology: built from typed settings and the topics alone, with no I/O. */
  public static Topology build(GovernanceSettings settings, TopicCatalogue topics) {
    return build(settings, topics, HashtagLookup.NONE);
  }

  /** The topology with a hashtag look-up (the only I/O, bounded by its timeout per draft). */
  public static Topology build(
      GovernanceSettings settings, TopicCatalogue topics, HashtagLookup lookup) {
    StreamsBuilder builder = new StreamsBuilder();

    GlobalView.addTo(builder, topics.channelPolicies(), POLICIES_STORE);
    GlobalView.addTo(builder, topics.officials(), OFFICIALS_STORE);
    GlobalView.addTo(builder, topics.branchSettings(), BRANCH_SETTINGS_STORE);
    GlobalView.addTo(
        builder,
        settings.hashtagViewTopic(),
        StateCodecs.hashtagUses(),
        "read-governance-hashtag-view",
        HASHTAG_VIEW_STORE);

    // every event of a branch to the branch's task, in the producer's order; the processor
    // refuses another branch's post event against its own post store, incidents pass the in-task
    // gate (docs/ARCHITECTURE.md#ownership-and-placement)
    KStream<String, SpecificRecord> posts =
        BranchRouting.byBranch(
                InputRules.checked(
                    builder.stream(topics.posts().name(), topics.posts().consumed()), POSTS_ROUTE),
                topics.posts(),
                POSTS_ROUTE,
                GovernanceService.NAME)
            .mapValues(v -> (SpecificRecord) v, Named.as("governance-post-events"));
    KStream<String, SpecificRecord> incidents =
        OwnershipGate.inTask(
                BranchRouting.byBranch(
                    InputRules.checked(
                        builder.stream(topics.incidents().name(), topics.incidents().consumed()),
                        INCIDENTS_ROUTE),
                    topics.incidents(),
                    INCIDENTS_ROUTE,
                    GovernanceService.NAME),
                INCIDENT_GATE,
                "incidentId")
            .mapValues(v -> (SpecificRecord) v, Named.as("governance-incident-events"));

    PostChecks checks = new PostChecks(settings.callToAction());
    Map<String, KStream<String, GovernanceOutput>> outputs =
        posts
            .merge(incidents, Named.as("governance-branch-events"))
            .process(
                new DecideSupplier(
                    checks, settings.retention(), lookup, settings.expiryCheckInterval()),
                Named.as("governance-decide"))
            .split(Named.as("governance-"))
            .branch((key, out) -> out instanceof DecisionOut, Branched.as("decisions"))
            .defaultBranch(Branched.as("hashtag-uses-out"));

    // each decision encoded once: the bytes repartitioned by postId are the bytes written
    Topic<String, PostDecision> decisions = topics.postDecisions();
    // no write cache: each post id is gated about once, so a cache only delays the write to the
    // commit at the cost of a sorted insert
    // (docs/PERFORMANCE.md#governance-on-3ab0540-where-a-drafts-time-goes)
    builder.addStateStore(OwnershipGate.ownersStoreBuilder(DECISION_GATE).withCachingDisabled());
    OwnershipGate.beforeWritingEncoded(
            outputs
                .get(DECISIONS_BRANCH)
                .mapValues(
                    out -> ((DecisionOut) out).decision(), Named.as("governance-decision-records")),
            decisions,
            DECISION_GATE,
            OwnershipGate.ownersStore(DECISION_GATE),
            "postId",
            PostDecision::getPostId)
        .to(decisions.name(), OwnershipGate.producedEncoded(decisions));

    outputs
        .get(HASHTAG_USES_BRANCH)
        .mapValues(out -> ((HashtagClaim) out).use(), Named.as("governance-hashtag-use-records"))
        .repartition(
            Repartitioned.<String, HashtagUse>as(HASHTAG_USES_REPARTITION)
                .withKeySerde(Serdes.String())
                .withValueSerde(StateCodecs.hashtagUses()))
        .process(new FirstUseSupplier(), Named.as("governance-record-first-use"))
        .to(
            settings.hashtagViewTopic(),
            Produced.with(Serdes.String(), StateCodecs.hashtagUses())
                .withName("write-governance-hashtag-view"));
    return builder.build();
  }

  /**
   * A persistent store with a changelog and a write cache: within a commit interval only the last
   * value of a key is written (a busy week's ledger changes with nearly every draft).
   */
  private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
    return uncachedStore(name, values).withCachingEnabled();
  }

  /**
   * A persistent store with a changelog and no write cache, for keys written about once (a post is
   * decided once per revision, an incident resolved once): a cache would only hold them until the
   * commit, at the cost of a sorted insert each, and crowd out the ledgers it does help
   * (docs/PERFORMANCE.md#what-the-profile-showed).
   */
  private static <V> StoreBuilder<KeyValueStore<String, V>> uncachedStore(
      String name, Serde<V> values) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), values)
        .withCachingDisabled();
  }

  /** The decision processor with the per-branch stores it owns. */
  private record DecideSupplier(
      PostChecks checks, Retention retention, HashtagLookup lookup, Duration expiryCheck)
      implements ProcessorSupplier<String, SpecificRecord, String, GovernanceOutput> {

    @Override
    public Processor<String, SpecificRecord, String, GovernanceOutput> get() {
      return new GovernanceProcessor(checks, retention, lookup, expiryCheck);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(
          uncachedStore(POSTS_STORE, StateCodecs.postRecords()),
          store(LEDGERS_STORE, StateCodecs.ledgers()),
          store(CRISES_STORE, StateCodecs.crises()),
          uncachedStore(RESOLVED_INCIDENTS_STORE, Serdes.Long()),
          store(SENT_HASHTAG_USES_STORE, StateCodecs.hashtagUses()),
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(HOLD_EXPIRIES_STORE),
                  TimeOrderedKey.serde(),
                  Serdes.String())
              .withCachingDisabled(),
          uncachedStore(REVIEWS_STORE, StateCodecs.reviewRecords()));
    }
  }

  /** The per-tag first-use processor with its store. */
  private static final class FirstUseSupplier
      implements ProcessorSupplier<String, HashtagUse, String, HashtagUse> {

    @Override
    public Processor<String, HashtagUse, String, HashtagUse> get() {
      return new HashtagFirstUseProcessor();
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(store(HASHTAG_FIRST_USE_STORE, StateCodecs.hashtagUses()));
    }
  }
}
