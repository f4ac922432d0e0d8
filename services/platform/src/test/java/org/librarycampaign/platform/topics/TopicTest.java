package org.librarycampaign.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.Platform;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;

class TopicTest {

  private final TopicCatalogue catalogue =
      TopicCatalogue.forConfig(
          CampaignConfig.of(Map.of(CampaignConfig.TOPIC_PREFIX, "t.")),
          new InMemorySchemaRegistry());

  @Test
  void namesCarryThePrefixAndResolveBack() {
    assertThat(catalogue.channelPolicies().name()).isEqualTo("t.campaign.channel-policies");
    assertThat(catalogue.idOf("t.campaign.channel-policies"))
        .isEqualTo(CampaignTopic.CHANNEL_POLICIES);
  }

  @Test
  void theStoredValueSerdeReadsAnUnreadableValueAsAbsentAndAGoodOneAsItIs() {
    Topic<String, ChannelPolicy> policies = catalogue.channelPolicies();
    ChannelPolicy policy =
        ChannelPolicy.newBuilder().setBranchId("eastside").setPlatform(Platform.X).build();
    byte[] good = policies.storedValueSerde().serializer().serialize(policies.name(), policy);
    byte[] garbage = {1, 2, 3};

    assertThat(policies.storedValueSerde().deserializer().deserialize(policies.name(), good))
        .isEqualTo(policy);
    assertThat(policies.storedValueSerde().deserializer().deserialize(policies.name(), garbage))
        .isNull();
    assertThatThrownBy(
            () -> policies.valueSerde().deserializer().deserialize(policies.name(), garbage))
        .isInstanceOf(SerializationException.class);
  }
}
