package org.librarycampaign.governance;

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
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.state.Retention;
import org.librarycampaign.platform.streams.GlobalView;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The governance topology.
 *
 * <pre>
 * campaign.posts ──────┐
 *                      ├─▶ governance-decide ──┬─▶ decisions ─────▶ campaign.post-decisions
 * campaign.incidents ──┘   (per branch: posts, │
 *                           ledgers, crises)   └─▶ hashtag uses ──▶ repartition by tag
 *                                                  ─▶ governance-record-first-use
 *                                                  ─▶ &lt;application id&gt;-hashtag-first-use
 *
 * global stores: governance-channel-policies  (campaign.channel-policies)
 *                governance-hashtag-view      (&lt;application id&gt;-hashtag-first-use)
 * </pre>
 *
 * <p>Both input topics are keyed by branch and co-partitioned, so one task sees every event of a
 * branch, merged in timestamp order. See the module README for the design of the hashtag view.
 */
public final class GovernanceTopology {

  public static final String POSTS_STORE = "governance-posts";
  public static final String LEDGERS_STORE = "governance-ledgers";
  public static final String CRISES_STORE = "governance-crises";
  public static final String RESOLVED_INCIDENTS_STORE = "governance-resolved-incidents";
  public static final String POLICIES_STORE = "governance-channel-policies";
  public static final String HASHTAG_FIRST_USE_STORE = "governance-hashtag-first-use";
  public static final String HASHTAG_VIEW_STORE = "governance-hashtag-view";
  public static final String SENT_HASHTAG_USES_STORE = "governance-sent-hashtag-uses";
  public static final String HASHTAG_USES_REPARTITION = "governance-hashtag-uses";

  private static final String DECISIONS_BRANCH = "governance-decisions";
  private static final String HASHTAG_USES_BRANCH = "governance-hashtag-uses-out";

  private GovernanceTopology() {}

  /** The topology with the settings of {@code config}. */
  public static Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return build(GovernanceSettings.from(config), topics);
  }

  /** The topology: built from typed settings and the topics alone, with no I/O. */
  public static Topology build(GovernanceSettings settings, TopicCatalogue topics) {
    StreamsBuilder builder = new StreamsBuilder();

    GlobalView.addTo(builder, topics.channelPolicies(), POLICIES_STORE);
    GlobalView.addTo(
        builder,
        settings.hashtagViewTopic(),
        StateCodecs.hashtagUses(),
        "read-governance-hashtag-view",
        HASHTAG_VIEW_STORE);

    KStream<String, SpecificRecord> posts =
        builder.stream(topics.posts().name(), topics.posts().consumed())
            .mapValues(v -> (SpecificRecord) v, Named.as("governance-post-events"));
    KStream<String, SpecificRecord> incidents =
        builder.stream(topics.incidents().name(), topics.incidents().consumed())
            .mapValues(v -> (SpecificRecord) v, Named.as("governance-incident-events"));

    PostChecks checks = new PostChecks(settings.callToAction());
    Map<String, KStream<String, GovernanceOutput>> outputs =
        posts
            .merge(incidents, Named.as("governance-branch-events"))
            .process(
                new DecideSupplier(checks, settings.retention()), Named.as("governance-decide"))
            .split(Named.as("governance-"))
            .branch((key, out) -> out instanceof DecisionOut, Branched.as("decisions"))
            .defaultBranch(Branched.as("hashtag-uses-out"));

    Topic<String, PostDecision> decisions = topics.postDecisions();
    outputs
        .get(DECISIONS_BRANCH)
        .mapValues(out -> ((DecisionOut) out).decision(), Named.as("governance-decision-records"))
        .to(decisions.name(), decisions.produced());

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
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), values)
        .withCachingEnabled();
  }

  /** The decision processor with the per-branch stores it owns. */
  private record DecideSupplier(PostChecks checks, Retention retention)
      implements ProcessorSupplier<String, SpecificRecord, String, GovernanceOutput> {

    @Override
    public Processor<String, SpecificRecord, String, GovernanceOutput> get() {
      return new GovernanceProcessor(checks, retention);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(
          store(POSTS_STORE, StateCodecs.postRecords()),
          store(LEDGERS_STORE, StateCodecs.ledgers()),
          store(CRISES_STORE, StateCodecs.crises()),
          store(RESOLVED_INCIDENTS_STORE, Serdes.Long()),
          store(SENT_HASHTAG_USES_STORE, StateCodecs.hashtagUses()));
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
