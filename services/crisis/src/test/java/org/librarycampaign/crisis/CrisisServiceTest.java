package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import library.campaign.events.ContactChannel;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.librarycampaign.crisis.response.Contact;
import org.librarycampaign.crisis.response.FallbackContact;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.topics.TopicCatalogue;

class CrisisServiceTest {

  private final CampaignConfig config = CampaignConfig.of(Map.of());

  @Test
  void campaignUpAndPlanFindTheServiceAndItsTopology() {
    CampaignService crisis =
        ServiceLoader.load(CampaignService.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.name().equals("crisis"))
            .findFirst()
            .orElseThrow();

    assertThat(crisis).isInstanceOf(CrisisService.class);
    assertThat(crisis.topology(config, catalogue())).isPresent();
  }

  @Test
  void theTopologyReadsIncidentsAndPlansAndNamesEveryPart() {
    TopologyDescription description = CrisisTopology.buildTopology(config, catalogue()).describe();

    Set<String> nodes = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    description
        .subtopologies()
        .forEach(
            sub ->
                sub.nodes()
                    .forEach(
                        node -> {
                          nodes.add(node.name());
                          if (node instanceof TopologyDescription.Processor processor) {
                            stores.addAll(processor.stores());
                          }
                        }));
    description
        .globalStores()
        .forEach(
            global -> {
              nodes.add(global.source().name());
              nodes.add(global.processor().name());
              stores.addAll(global.processor().stores());
            });

    assertThat(nodes)
        .containsExactlyInAnyOrder(
            "read-campaign.incidents",
            // the input rules (dead letters INVALID)
            "crisis-incidents-input-rules",
            // the branch route, then the processor (which checks the incident's owner itself)
            "crisis-incidents-present",
            "crisis-incidents-placement",
            "crisis-incidents-placed",
            "crisis-incidents-misplaced",
            "crisis-incidents-by-branch-merged",
            "crisis-incidents-by-branch-repartition-filter",
            "crisis-incidents-by-branch-repartition-sink",
            "crisis-incidents-by-branch-repartition-source",
            "crisis-incident-response",
            // one record per change, keyed by incidentId, through one output gate, then split
            "crisis-output-by-id-repartition-filter",
            "crisis-output-by-id-repartition-sink",
            "crisis-output-by-id-repartition-source",
            "crisis-output-ownership",
            "crisis-notifications-out",
            "write-campaign.notifications",
            "crisis-status-out",
            "write-campaign.incident-status",
            "read-campaign.response-plans-source",
            "read-campaign.response-plans",
            "read-campaign.rotation-overrides-source",
            "read-campaign.rotation-overrides",
            "read-campaign.branch-settings-source",
            "read-campaign.branch-settings");
    assertThat(stores)
        .containsExactlyInAnyOrder(
            "crisis-response-plans",
            "crisis-rotation-overrides",
            "crisis-branch-settings",
            "crisis-incidents",
            "crisis-escalation-deadlines",
            "crisis-output-owners");
  }

  @Test
  void settingsComeFromTheConfigWithDefaults() {
    assertThat(CrisisSettings.from(config))
        .isEqualTo(
            new CrisisSettings(
                Duration.ofSeconds(1), Duration.ofMinutes(1), "http://localhost:8080"));
    assertThat(
            CrisisSettings.from(
                CampaignConfig.of(
                    Map.of(
                        "campaign.crisis.escalation-check-interval", "250ms",
                        "campaign.crisis.ack-timeout-unit", "2s",
                        "campaign.public.url", "https://campaign.example.org"))))
        .isEqualTo(
            new CrisisSettings(
                Duration.ofMillis(250), Duration.ofSeconds(2), "https://campaign.example.org"));
  }

  @Test
  void fallbackContactsComeFromTheirKeyAndABadOneIsNamed() {
    assertThat(
            CrisisSettings.from(
                    CampaignConfig.of(
                        Map.of(
                            "campaign.crisis.fallback-contacts",
                            "Duty desk <duty@library.example>, +15550123")))
                .fallbackContacts())
        .containsExactly(
            new FallbackContact(
                "Duty desk",
                List.of(
                    new Contact(ContactChannel.EMAIL, "duty@library.example"),
                    new Contact(ContactChannel.SMS, "+15550123"))));
    assertThat(CrisisSettings.from(config).fallbackContacts()).isEmpty();
    assertThatThrownBy(
            () ->
                CrisisSettings.from(
                    CampaignConfig.of(
                        Map.of("campaign.crisis.fallback-contacts", "Duty desk, pager"))))
        .hasMessageStartingWith("campaign.crisis.fallback-contacts entry 1");
  }

  @Test
  void aZeroIntervalOrUnitIsRefused() {
    assertThatThrownBy(
            () ->
                CrisisSettings.from(
                    CampaignConfig.of(Map.of("campaign.crisis.escalation-check-interval", "0s"))))
        .hasMessageContaining("campaign.crisis.escalation-check-interval");
    assertThatThrownBy(
            () ->
                CrisisSettings.from(
                    CampaignConfig.of(Map.of("campaign.crisis.ack-timeout-unit", "0ms"))))
        .hasMessageContaining("campaign.crisis.ack-timeout-unit");
  }

  private TopicCatalogue catalogue() {
    return TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
  }
}
