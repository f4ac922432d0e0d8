package org.librarycampaign.ingest.decisions;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.ingest.incidents.IncidentViewTopology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.streams.GlobalView;
import org.librarycampaign.platform.streams.SettingsTopics;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The latest decision of every post: {@code campaign.post-decisions} (compacted, keyed by postId)
 * read into a global table, so that every ingest instance can answer for every post, whichever
 * partition holds it. A null value (a tombstone) removes the post. The incident statuses (keyed by
 * incidentId) are read the same way: with the decisions they say which branch owns an id.
 *
 * <pre>
 * campaign.post-decisions --(read-campaign.post-decisions)--> global store ingest-post-decisions
 * </pre>
 *
 * <p>The same client holds the stores of {@link IncidentViewTopology}, and checks the settings
 * topics ({@link SettingsTopics#checkAll}): the only stream tasks of ingest, which write nothing
 * but the dead letters of bad settings values.
 */
public final class DecisionViewTopology {

  /** The store queried by {@code GET /v1/posts/{postId}/decision}. */
  public static final String STORE = "ingest-post-decisions";

  /** The latest status of every incident, with its branch: who may write its later events. */
  public static final String INCIDENTS_STORE = IncidentViewTopology.STATUS_STORE;

  /** The settings topics ingest checks: every one but {@code campaign.branch-settings}. */
  public static final Set<CampaignTopic> CHECKED = checked();

  private static Set<CampaignTopic> checked() {
    EnumSet<CampaignTopic> checked = EnumSet.copyOf(SettingsTopics.TOPICS);
    checked.remove(CampaignTopic.BRANCH_SETTINGS);
    return Collections.unmodifiableSet(checked);
  }

  private DecisionViewTopology() {}

  public static Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    StreamsBuilder builder = new StreamsBuilder();
    GlobalView.addTo(builder, topics.postDecisions(), STORE);
    // the incidents' own view shares this Streams client (one consumer, one readiness part); its
    // status store also tells who owns an incident
    IncidentViewTopology.addTo(builder, topics);
    // ingest owns the settings topics' rules: what was written to them directly, past the admin
    // routes, is checked here, and a bad value is dead-lettered once
    // (docs/ARCHITECTURE.md#dead-letters); all but the branch settings, which the incident view
    // reads into a global store (for its pages' zones) and the publisher checks instead
    SettingsTopics.check(builder, topics, CHECKED);
    return builder.build();
  }
}
