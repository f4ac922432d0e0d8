package org.librarycampaign.conflicts;

import java.time.ZoneId;
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
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.serde.AvroSerde;
import org.librarycampaign.platform.state.Retention;
import org.librarycampaign.platform.streams.BranchRouting;
import org.librarycampaign.platform.streams.GlobalView;
import org.librarycampaign.platform.streams.InputRules;
import org.librarycampaign.platform.streams.InputTombstones;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The conflicts topology:
 *
 * <pre>
 * campaign.channel-policies ─► [global store conflicts-channel-policies]   (zones, posting windows)
 * campaign.branch-settings ─► [global store conflicts-branch-settings]
 * campaign.posts ─► by branch (repartition) ─► conflicts-check-posts (owner: its post store) ─┐
 * campaign.milestones ─► key := scope ─► conflicts-milestones-by-branch                       ├─► campaign.conflicts
 *                        (repartition: * to every partition,   ─► conflicts-check-milestones ─┘
 *                         a branch to its posts' partition)
 * </pre>
 *
 * Both processors share the seven calendar stores of {@link ConflictStores}, so they run in one
 * task per partition, next to the posts of that partition's branches: posts are routed by branch
 * with the partitioner milestones use, whatever partition their producer chose.
 */
public final class ConflictsTopology {

  /** The internal topic ({@code <application id>-<name>-repartition}) milestones are sent on. */
  public static final String MILESTONES_BY_BRANCH = "conflicts-milestones-by-branch";

  /** The branch route of posts ({@code <application id>-<name>-by-branch-repartition}). */
  public static final String POSTS_ROUTE = "conflicts-posts";

  /** Every channel policy by channel id; global, filled from the policy topic. */
  public static final String POLICIES_STORE = "conflicts-channel-policies";

  /** Every branch's settings by branch id (or {@code *}); global, filled from their topic. */
  public static final String BRANCH_SETTINGS_STORE = "conflicts-branch-settings";

  private ConflictsTopology() {}

  public static Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    ZoneId zone = ConflictsSettings.from(config).zone();
    Retention retention = Retention.from(config);
    StreamsBuilder builder =
        new StreamsBuilder(
            new TopologyConfig(
                new StreamsConfig(
                    StreamsSettings.forService(config, ConflictsService.NAME, topics))));
    // the zone and posting window of each channel: policies and branch settings, every key in
    // every task (README: local time)
    GlobalView.addTo(builder, topics.channelPolicies(), POLICIES_STORE);
    GlobalView.addTo(builder, topics.branchSettings(), BRANCH_SETTINGS_STORE);
    ConflictStores.builders().forEach(builder::addStateStore);
    String[] stores = ConflictStores.NAMES.toArray(String[]::new);

    // every post event of a branch to the task of the branch's milestones, in the producer's
    // order; the processor refuses another branch's event about a post it keeps
    // (docs/ARCHITECTURE.md#ownership-and-placement)
    KStream<String, ConflictEvent> fromPosts =
        BranchRouting.byBranch(
                InputRules.checked(
                    builder.stream(topics.posts().name(), topics.posts().consumed()), POSTS_ROUTE),
                topics.posts(),
                POSTS_ROUTE,
                ConflictsService.NAME)
            .process(
                () -> new PostsProcessor(zone, retention),
                Named.as("conflicts-check-posts"),
                stores);

    // counted here: the repartition below would hand a tombstone on without its source topic
    InputTombstones milestoneTombstones = InputTombstones.of(ConflictsService.NAME);
    String milestonesTopic = topics.milestones().name();
    KStream<String, ConflictEvent> fromMilestones =
        InputRules.checked(
                builder.stream(topics.milestones().name(), topics.milestones().consumed()),
                "conflicts-milestones")
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
                () -> new MilestonesProcessor(zone),
                Named.as("conflicts-check-milestones"),
                stores);

    fromPosts
        .merge(fromMilestones, Named.as("conflicts-changes"))
        .to(topics.conflicts().name(), topics.conflicts().produced());
    return builder.build();
  }
}
