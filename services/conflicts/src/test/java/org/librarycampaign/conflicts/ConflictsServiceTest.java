package org.librarycampaign.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** What {@code campaign up} and {@code campaign plan} find: the service and its topology. */
class ConflictsServiceTest {

  @TempDir Path stateDir;

  @Test
  void theServiceIsRegisteredAndItsTopologyReadsPostsAndMilestonesAndWritesConflicts() {
    CampaignConfig config =
        CampaignConfig.of(Map.of(CampaignConfig.STATE_DIR, stateDir.toString()));
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());

    List<CampaignService> found =
        ServiceLoader.load(CampaignService.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(service -> service.name().equals("conflicts"))
            .toList();
    assertThat(found).singleElement().isInstanceOf(ConflictsService.class);
    TopologyDescription topology =
        found.get(0).topology(config, catalogue).orElseThrow().describe();

    Set<String> sources = new TreeSet<>();
    Set<String> sinks = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          sources.addAll(source.topicSet());
        } else if (node instanceof TopologyDescription.Sink sink) {
          sinks.add(sink.topic());
        } else if (node instanceof TopologyDescription.Processor processor) {
          stores.addAll(processor.stores());
        }
      }
    }
    assertThat(sources)
        .containsExactlyInAnyOrder(
            "campaign.posts",
            "campaign.milestones",
            "conflicts-milestones-by-branch-repartition",
            "conflicts-posts-by-branch-repartition");
    assertThat(sinks)
        .containsExactlyInAnyOrder(
            "campaign.conflicts",
            "conflicts-milestones-by-branch-repartition",
            "conflicts-posts-by-branch-repartition");
    // no owners store: the post's owner is read from conflicts-posts
    assertThat(stores).containsExactlyInAnyOrderElementsOf(ConflictStores.NAMES);
    // the zones and posting windows of channels and branches (README: local time)
    assertThat(topology.globalStores())
        .extracting(store -> store.processor().stores(), store -> store.source().topicSet())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                Set.of(ConflictsTopology.POLICIES_STORE), Set.of("campaign.channel-policies")),
            org.assertj.core.groups.Tuple.tuple(
                Set.of(ConflictsTopology.BRANCH_SETTINGS_STORE),
                Set.of("campaign.branch-settings")));
  }
}
