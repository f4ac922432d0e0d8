package org.librarycampaign.conflicts;

import library.campaign.events.ConflictEvent;
import library.campaign.events.MilestoneEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.librarycampaign.conflicts.calendar.ConflictMessages;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.serde.AvroSerde;
import org.librarycampaign.platform.state.Retention;
import org.librarycampaign.platform.streams.InputTombstones;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The conflicts topology:
 *
 * <pre>
 * campaign.posts ──────────────────────────────────────────────► conflicts-check-posts ──────┐
 * campaign.milestones ─► key := scope ─► conflicts-milestones-by-branch                       ├─► campaign.conflicts
 *                        (repartition: * to every partition,   ─► conflicts-check-milestones ─┘
 *                         a branch to its posts' partition)
 * </pre>
 *
 * Both processors share the seven calendar stores of {@link ConflictStores}, so they run in one
 * task per partition, next to the posts of that partition's branches.
 */
public final class ConflictsTopology {

  /** The internal topic ({@code <application id>-<name>-repartition}) milestones are sent on. */
  public static final String MILESTONES_BY_BRANCH = "conflicts-milestones-by-branch";

  private ConflictsTopology() {}

  public static Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    ConflictMessages messages = new ConflictMessages(ConflictsSettings.from(config).zone());
    Retention retention = Retention.from(config);
    StreamsBuilder builder =
        new StreamsBuilder(
            new TopologyConfig(
                new StreamsConfig(
                    StreamsSettings.forService(config, ConflictsService.NAME, topics))));
    ConflictStores.builders().forEach(builder::addStateStore);
    String[] stores = ConflictStores.NAMES.toArray(String[]::new);

    KStream<String, ConflictEvent> fromPosts =
        builder.stream(topics.posts().name(), topics.posts().consumed())
            .process(
                () -> new PostsProcessor(messages, retention),
                Named.as("conflicts-check-posts"),
                stores);

    // counted here: the repartition below would hand a tombstone on without its source topic
    InputTombstones milestoneTombstones = InputTombstones.of(ConflictsService.NAME);
    String milestonesTopic = topics.milestones().name();
    KStream<String, ConflictEvent> fromMilestones =
        builder.stream(topics.milestones().name(), topics.milestones().consumed())
            .filter(
                (key, value) -> !milestoneTombstones.skipped(milestonesTopic, key, value),
                Named.as("conflicts-milestones-present"))
            .selectKey((key, value) -> value.getBranchId(), Named.as("conflicts-milestone-scope"))
            .repartition(
                Repartitioned.<String, MilestoneEvent>as(MILESTONES_BY_BRANCH)
                    .withKeySerde(Serdes.String())
                    // our own internal subject: registered by us whatever the auto-register setting
                    .withValueSerde(new AvroSerde<>(topics.registry(), MilestoneEvent.class, true))
                    .withStreamPartitioner(new EveryBranchPartitioner<>()))
            .process(
                () -> new MilestonesProcessor(messages),
                Named.as("conflicts-check-milestones"),
                stores);

    fromPosts
        .merge(fromMilestones, Named.as("conflicts-changes"))
        .to(topics.conflicts().name(), topics.conflicts().produced());
    return builder.build();
  }
}
