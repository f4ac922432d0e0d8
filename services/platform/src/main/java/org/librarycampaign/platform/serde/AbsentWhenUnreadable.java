package org.librarycampaign.platform.serde;

import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a value kept in a state store, taking one that cannot be decoded as absent.
 *
 * <p>Why: Kafka Streams restores a global table from its topic by copying the raw bytes into the
 * store, without the deserialization handler. A corrupt record already on the topic would then make
 * every read of its key throw, failing every record that looks it up. Records arriving while the
 * client runs still go through the strict deserializer of the source, and so to dead letters; this
 * only keeps a restored bad value from breaking reads. A value that cannot be read because the
 * schema registry is down is not unreadable: that failure goes on to the task, which retries.
 */
public final class AbsentWhenUnreadable<T> implements Deserializer<T> {

  private static final Logger LOGGER = LoggerFactory.getLogger(AbsentWhenUnreadable.class);

  private final Deserializer<T> strict;
  private final String topic;

  public AbsentWhenUnreadable(Deserializer<T> strict, String topic) {
    this.strict = strict;
    this.topic = topic;
  }

  @Override
  public T deserialize(String ignoredTopic, byte[] data) {
    try {
      return strict.deserialize(topic, data);
    } catch (RegistryUnavailableException e) {
      // the value may be fine: reading it as absent would lose it; the task waits instead
      throw e;
    } catch (SerializationException e) {
      Metrics.counter("campaign.stored.values.unreadable", "topic", topic).increment();
      LOGGER
          .atWarn()
          .addKeyValue("topic", topic)
          .addKeyValue("error", e.getMessage())
          .log("A stored value cannot be read; treated as absent");
      return null;
    }
  }
}
