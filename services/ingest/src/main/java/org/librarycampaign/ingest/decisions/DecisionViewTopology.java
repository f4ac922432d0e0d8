package org.librarycampaign.ingest.decisions;

import library.campaign.events.PostDecision;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The latest decision of every post: {@code campaign.post-decisions} (compacted, keyed by postId)
 * read into a global table, so that every ingest instance can answer for every post, whichever
 * partition holds it. A null value (a tombstone) removes the post.
 *
 * <pre>
 * campaign.post-decisions --(read-campaign.post-decisions)--> global store ingest-post-decisions
 * </pre>
 */
public final class DecisionViewTopology {

  /** The store queried by {@code GET /v1/posts/{postId}/decision}. */
  public static final String STORE = "ingest-post-decisions";

  private DecisionViewTopology() {}

  public static Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    Topic<String, PostDecision> decisions = topics.postDecisions();
    StreamsBuilder builder = new StreamsBuilder();
    builder.globalTable(
        decisions.name(),
        decisions.consumed(),
        Materialized.<String, PostDecision, KeyValueStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(decisions.keySerde())
            .withValueSerde(decisions.valueSerde()));
    return builder.build();
  }
}
