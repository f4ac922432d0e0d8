package org.librarycampaign.publisher;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import library.campaign.events.IncidentEvent;
import library.campaign.events.PostDecision;
import library.campaign.events.PostEvent;
import library.campaign.events.Publication;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.serde.AvroSerde;
import org.librarycampaign.platform.state.Retention;
import org.librarycampaign.platform.state.StateCodec;
import org.librarycampaign.platform.state.TimeOrderedKey;
import org.librarycampaign.platform.streams.SettingsTopics;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.publisher.channel.Publishers;
import org.librarycampaign.publisher.rules.AttemptRules;
import org.librarycampaign.publisher.rules.BranchIncidents;
import org.librarycampaign.publisher.rules.DecisionState;
import org.librarycampaign.publisher.rules.PostState;
import org.librarycampaign.publisher.rules.PublishRules;

/**
 * The publisher topology:
 *
 * <pre>
 * campaign.posts ──────────────────────────────────────────────────────┐
 * campaign.incidents ──────────────────────────────────────────────────┼─► publish ─► campaign.publications
 * campaign.post-decisions ─► key := branchId ─► publisher-decisions-by-branch ┘
 * </pre>
 *
 * Posts and incidents are keyed by branch already; decisions (keyed by post) are re-keyed by their
 * branch, so one task holds everything of its branches: the posts, their decisions and the branch's
 * incidents, in the five stores of {@link PublishProcessor}.
 */
public final class PublisherTopology {

  /** The internal topic ({@code <application id>-<name>-repartition}) decisions are sent on. */
  public static final String DECISIONS_BY_BRANCH = "publisher-decisions-by-branch";

  static final String PROCESSOR = "publish";

  /** Plan has no lateness limit: its clock moves from one event's time to the next's. */
  static final java.time.Duration PLAN_MAX_LATENESS = java.time.Duration.ofDays(36_500);

  private PublisherTopology() {}

  /** The production topology: the configured publishers, each channel on its own thread. */
  public static Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    PublisherSettings settings = PublisherSettings.from(config);
    Publishers publishers = settings.publishers();
    return buildTopology(
        config, topics, settings, publishers, () -> Attempts.perChannelThreads(publishers));
  }

  /**
   * What {@code campaign plan} runs: the same topology, where every due post that the rules let
   * through is reported PUBLISHED with the reason "plan: would be published through ..." and
   * nothing is sent. Its {@code at} is when plan's clock passed the post's time (the next event or
   * Tick); {@code scheduledAt} is the time itself.
   */
  public static Topology planTopology(CampaignConfig config, TopicCatalogue topics) {
    PublisherSettings configured = PublisherSettings.from(config);
    // plan's clock jumps from event to event: a post is never "too late" there
    PublisherSettings settings =
        new PublisherSettings(
            configured.retry(),
            configured.threadsPerPartition(),
            configured.pollInterval(),
            configured.timeout(),
            PLAN_MAX_LATENESS,
            configured.channels(),
            configured.outboxDirectory());
    Publishers dry = settings.publishers().dryRun();
    return buildTopology(config, topics, settings, dry, () -> Attempts.inline(dry));
  }

  /** The same topology with other publishers and another way of running attempts (tests). */
  public static Topology buildTopology(
      CampaignConfig config,
      TopicCatalogue topics,
      PublisherSettings settings,
      Publishers publishers,
      Supplier<Attempts> attempts) {
    PublishRules rules = new PublishRules(settings.maxLateness());
    AttemptRules attemptRules = new AttemptRules(settings.retry());
    Retention retention = Retention.from(config);
    Set<StoreBuilder<?>> stores =
        Set.of(
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PublishProcessor.POSTS_STORE),
                Serdes.String(),
                StateCodec.of(PostState.class)),
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PublishProcessor.DECISIONS_STORE),
                Serdes.String(),
                StateCodec.of(DecisionState.class)),
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PublishProcessor.INCIDENTS_STORE),
                Serdes.String(),
                StateCodec.of(BranchIncidents.class)),
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PublishProcessor.RECEIPTS_STORE),
                Serdes.String(),
                StateCodec.of(ReceiptState.class)),
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PublishProcessor.SCHEDULE_STORE),
                TimeOrderedKey.serde(),
                Serdes.String()));
    ProcessorSupplier<String, Object, String, Publication> supplier =
        new ProcessorSupplier<>() {
          @Override
          public Processor<String, Object, String, Publication> get() {
            return new PublishProcessor(
                rules, attemptRules, settings, publishers, attempts, retention);
          }

          @Override
          public Set<StoreBuilder<?>> stores() {
            return stores;
          }
        };

    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, PostEvent> posts =
        builder.stream(
            topics.posts().name(),
            topics.posts().consumed().withName("read-" + topics.posts().id().baseName()));
    KStream<String, IncidentEvent> incidents =
        builder.stream(
            topics.incidents().name(),
            topics.incidents().consumed().withName("read-" + topics.incidents().id().baseName()));
    KStream<String, PostDecision> decisions =
        builder.stream(
                topics.postDecisions().name(),
                topics
                    .postDecisions()
                    .consumed()
                    .withName("read-" + topics.postDecisions().id().baseName()))
            // a tombstone on the compacted decisions topic forgets nothing here: skipped
            .filter((key, value) -> value != null, Named.as("publisher-decisions-present"))
            .selectKey((key, value) -> value.getBranchId(), Named.as("publisher-decision-branch"))
            .repartition(
                Repartitioned.<String, PostDecision>as(DECISIONS_BY_BRANCH)
                    .withKeySerde(Serdes.String())
                    // our own internal subject: registered by us whatever the auto-register setting
                    .withValueSerde(new AvroSerde<>(topics.registry(), PostDecision.class, true)));
    untyped(posts)
        .merge(untyped(incidents), Named.as("publisher-inputs"))
        .merge(untyped(decisions), Named.as("publisher-all-inputs"))
        .process(supplier, Named.as(PROCESSOR))
        .to(
            topics.publications().name(),
            topics
                .publications()
                .produced()
                .withName("write-" + topics.publications().id().baseName()));
    // the branch settings' owner check (dead letters of bad values written straight to Kafka):
    // ingest
    // checks the other settings topics, but its incident view reads this one into a global store,
    // and a topology cannot also stream it (docs/ARCHITECTURE.md#dead-letters)
    SettingsTopics.check(builder, topics, EnumSet.of(CampaignTopic.BRANCH_SETTINGS));
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static KStream<String, Object> untyped(KStream<String, ?> stream) {
    return (KStream<String, Object>) stream;
  }
}
