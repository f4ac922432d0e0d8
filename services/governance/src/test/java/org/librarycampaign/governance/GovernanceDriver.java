package org.librarycampaign.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import library.campaign.events.PostDecision;
import org.apache.avro.specific.SpecificRecord;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The production governance topology in the {@link TopologyHarness}, with the shared Streams
 * settings (dead-letter handlers included) and an in-memory registry, fed JSON lines
 * (docs/ARCHITECTURE.md#the-json-form-of-events) the way {@code campaign plan} feeds them: each
 * record stamped with the line's own time, or the time of the line before it when it has none.
 */
public final class GovernanceDriver implements AutoCloseable {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  private final TopologyHarness harness;
  private final List<PostDecision> decisions = new ArrayList<>();
  private final List<SpecificRecord> deadLetters = new ArrayList<>();

  public GovernanceDriver() {
    this(CampaignConfig.of(Map.of()), Map.of());
  }

  /**
   * @param streamsOverrides Streams properties over the shared ones (the production settings stay
   *     otherwise untouched)
   */
  public GovernanceDriver(CampaignConfig base, Map<String, Object> streamsOverrides) {
    harness =
        TopologyHarness.startingAt(START)
            .config(base)
            .service(GovernanceService.NAME, GovernanceTopology::buildTopology, streamsOverrides)
            .build();
  }

  /** Sends one JSON line; its time (or the last one) becomes the record's timestamp. */
  public GovernanceDriver send(String line) {
    harness.send(line);
    return this;
  }

  public GovernanceDriver send(ParsedEvent event) {
    harness.send(event);
    return this;
  }

  public GovernanceDriver sendAll(List<String> lines) {
    lines.forEach(this::send);
    return this;
  }

  /** Raw bytes onto an input topic, as a broken producer would send them. */
  public void sendRaw(CampaignTopic topic, String key, byte[] value) {
    harness.pipeRaw(topic, key, value);
  }

  /** Every decision written since the last call, in order. */
  public List<PostDecision> decisions() {
    take();
    List<PostDecision> taken = List.copyOf(decisions);
    decisions.clear();
    return taken;
  }

  /** Every decision written since the last call, as JSON lines. */
  public List<String> decisionLines() {
    return lines(decisions());
  }

  /** Decisions as JSON lines: every field, compared exactly. */
  public static List<String> lines(List<PostDecision> decisions) {
    return decisions.stream().map(TopologyHarness::json).toList();
  }

  public boolean noMoreDecisions() {
    take();
    return decisions.isEmpty();
  }

  public List<SpecificRecord> deadLetters() {
    take();
    List<SpecificRecord> taken = List.copyOf(deadLetters);
    deadLetters.clear();
    return taken;
  }

  /** The harness underneath, for the topology's stores. */
  public TopologyHarness harness() {
    return harness;
  }

  public TopicCatalogue catalogue() {
    return harness.catalogue();
  }

  private void take() {
    for (TopologyHarness.Output record : harness.output()) {
      switch (record.topic()) {
        case POST_DECISIONS -> {
          PostDecision decision = (PostDecision) record.value();
          if (!record.key().equals(decision.getPostId())) {
            throw new AssertionError("decision keyed " + record.key() + " for " + decision);
          }
          decisions.add(decision);
        }
        case DEAD_LETTERS -> deadLetters.add(record.value());
        default -> throw new AssertionError("governance wrote to " + record.topic());
      }
    }
  }

  @Override
  public void close() {
    harness.close();
  }
}
