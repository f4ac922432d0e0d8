package org.librarycampaign.platform.streams;

import io.micrometer.core.instrument.Metrics;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.librarycampaign.platform.json.FieldError;
import org.librarycampaign.platform.json.RecordRules;
import org.librarycampaign.platform.serde.RegistryUnavailableException;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted settings and directory topics (channel policies, response plans, rotation
 * overrides, branch settings, officials): who refuses a bad value written to them, and how the
 * services that read them into global stores skip it (docs/ARCHITECTURE.md, "Dead letters").
 *
 * <p>A bad value is dead-lettered once, by one owner: ingest, whose admin routes apply the same
 * rules to JSON, reads every settings topic with a normal stream source ({@link #checkAll}) and
 * runs {@link InputRules} on it inside its exactly-once transactions. Its committed offsets make
 * that once per record, whatever restarts and however many services read the topic. The readers'
 * global stores cannot do that (a global thread has no transaction, no committed offsets, and each
 * service has one), so they read through {@link #validOrAbsent}: a value that cannot be decoded or
 * breaks a rule reads as absent, which removes the key from the view, exactly as a tombstone would.
 * Absent rather than "the previous good value": the view then depends only on the latest record of
 * each key, so it is the same after a restore from the topic, after compaction dropped the earlier
 * value, and in every service that reads it.
 */
public final class SettingsTopics {

  /** The settings and directory topics branch systems and admins write. */
  public static final Set<CampaignTopic> TOPICS =
      EnumSet.of(
          CampaignTopic.CHANNEL_POLICIES,
          CampaignTopic.RESPONSE_PLANS,
          CampaignTopic.ROTATION_OVERRIDES,
          CampaignTopic.BRANCH_SETTINGS,
          CampaignTopic.OFFICIALS);

  /** Prometheus shows it as {@code campaign_settings_ignored_total{topic,reason}}. */
  public static final String METRIC = "campaign.settings.ignored";

  public static final String REASON_UNREADABLE = "unreadable";
  public static final String REASON_INVALID = "invalid";

  private static final Logger LOGGER = LoggerFactory.getLogger(SettingsTopics.class);

  private SettingsTopics() {}

  /** Whether {@code topic} is one of {@link #TOPICS}. */
  public static boolean isSettings(CampaignTopic topic) {
    return TOPICS.contains(topic);
  }

  /**
   * The owner's check of every settings topic: a stream source per topic ({@code check-<topic>})
   * and the input rules ({@code check-<topic>-input-rules}); nothing is written but the dead
   * letters of bad values (undecodable ones through the deserialization handler, rule breakers with
   * reason {@code INVALID}).
   */
  public static void checkAll(StreamsBuilder builder, TopicCatalogue topics) {
    check(builder, topics, TOPICS);
  }

  /**
   * The owner's check of some of the settings topics, as {@link #checkAll} does for all: a topology
   * that also reads one of them into a global store cannot have a stream source on it too, so that
   * topic's check lives in another service (docs/ARCHITECTURE.md, "Dead letters").
   */
  public static void check(StreamsBuilder builder, TopicCatalogue topics, Set<CampaignTopic> ids) {
    for (CampaignTopic id : ids) {
      if (!TOPICS.contains(id)) {
        throw new IllegalArgumentException(id + " is not a settings topic");
      }
      check(builder, topics.get(id));
    }
  }

  private static <V extends SpecificRecord> void check(
      StreamsBuilder builder, Topic<String, V> topic) {
    String name = "check-" + topic.id().baseName();
    InputRules.checked(
        builder.stream(
            topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name)),
        name);
  }

  /**
   * The serde a global store's source reads a settings topic with: a value that cannot be decoded,
   * or that breaks the input rules, reads as absent (counted in {@link #METRIC}, logged at debug);
   * a registry outage still fails, so that the value is read again later and not lost.
   */
  public static <V> Serde<V> validOrAbsent(Topic<String, V> topic) {
    Deserializer<V> strict = topic.valueSerde().deserializer();
    String name = topic.name();
    Deserializer<V> lenient =
        new Deserializer<>() {
          @Override
          public V deserialize(String ignored, byte[] data) {
            return deserialize(ignored, null, data);
          }

          @Override
          public V deserialize(String ignored, Headers headers, byte[] data) {
            if (data == null) {
              return null;
            }
            V value;
            try {
              value = strict.deserialize(name, headers, data);
            } catch (RuntimeException e) {
              if (RegistryUnavailableException.isCauseOf(e)) {
                throw e;
              }
              return ignoredValue(name, REASON_UNREADABLE, e.getMessage());
            }
            List<FieldError> problems =
                value instanceof SpecificRecord record ? RecordRules.problems(record) : List.of();
            if (!problems.isEmpty()) {
              return ignoredValue(name, REASON_INVALID, problems.toString());
            }
            return value;
          }
        };
    return Serdes.serdeFrom(topic.valueSerde().serializer(), lenient);
  }

  private static <V> V ignoredValue(String topic, String reason, String problem) {
    Metrics.counter(METRIC, "topic", topic, "reason", reason).increment();
    LOGGER
        .atDebug()
        .addKeyValue("topic", topic)
        .addKeyValue("reason", reason)
        .addKeyValue("problem", problem)
        .log("A settings value is read as absent; its dead letter is ingest's");
    return null;
  }
}
