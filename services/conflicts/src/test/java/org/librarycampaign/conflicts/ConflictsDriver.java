package org.librarycampaign.conflicts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.ConflictEvent;
import library.campaign.events.DeadLetter;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.PostEvent;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** The production topology in the {@link TopologyHarness}, with an in-memory registry. */
final class ConflictsDriver implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-27T00:00:00Z");

  private final TopologyHarness harness;

  ConflictsDriver(Path stateDir) {
    this(stateDir, Map.of());
  }

  ConflictsDriver(Path stateDir, Map<String, String> settings) {
    harness =
        TopologyHarness.startingAt(START)
            .config(settings)
            .stateDir(stateDir)
            .service(ConflictsService.NAME, ConflictsTopology::buildTopology)
            .build();
  }

  /** A post event, keyed by its branch, with the given record time. */
  void post(String branchId, PostEvent event, Instant recordTime) {
    harness.pipe(CampaignTopic.POSTS, branchId, event, recordTime);
  }

  /** A milestone, keyed by its scope, with the given record time. */
  void milestone(MilestoneEvent event, Instant recordTime) {
    harness.pipe(CampaignTopic.MILESTONES, event.getBranchId(), event, recordTime);
  }

  /** A branch's settings (its zone, its posting window), keyed by its branch or {@code *}. */
  void branchSettings(BranchSettings settings, Instant recordTime) {
    harness.pipe(CampaignTopic.BRANCH_SETTINGS, settings.getBranchId(), settings, recordTime);
  }

  /** A channel's policy, keyed by its channel id. */
  void policy(ChannelPolicy policy, Instant recordTime) {
    harness.pipe(
        CampaignTopic.CHANNEL_POLICIES,
        policy.getBranchId() + "/" + policy.getPlatform(),
        policy,
        recordTime);
  }

  /** Moves the wall clock, as a running service's clock moves. */
  void advance(Duration step) {
    harness.advance(step);
  }

  /** The conflict records written since the last call. */
  List<KeyValue<String, ConflictEvent>> output() {
    return harness.output().stream()
        .filter(record -> record.topic() == CampaignTopic.CONFLICTS)
        .map(record -> KeyValue.pair(record.key(), (ConflictEvent) record.value()))
        .toList();
  }

  /** The error messages of the dead letters written since the last call (other records dropped). */
  List<String> deadLetterMessages() {
    return harness.output().stream()
        .filter(record -> record.topic() == CampaignTopic.DEAD_LETTERS)
        .map(record -> ((DeadLetter) record.value()).getErrorMessage())
        .toList();
  }

  boolean outputEmpty() {
    return harness.outputEmpty();
  }

  TopologyTestDriver driver() {
    return harness.driver();
  }

  TopicCatalogue catalogue() {
    return harness.catalogue();
  }

  @Override
  public void close() {
    harness.close();
  }
}
