package org.librarycampaign.bench;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Writes events as the ingest service does: Avro values in the Confluent wire format through the
 * catalogue's serdes, acks=all, idempotent. The record timestamp is the wall clock at send.
 */
final class Producing implements AutoCloseable {

  private final TopicCatalogue catalogue;
  private final KafkaProducer<String, byte[]> producer;

  Producing(CampaignConfig config, TopicCatalogue catalogue) {
    this.catalogue = catalogue;
    this.producer = new KafkaProducer<>(properties(config), new StringSerializer(), bytes());
  }

  static Map<String, Object> properties(CampaignConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return props;
  }

  static ByteArraySerializer bytes() {
    return new ByteArraySerializer();
  }

  /** The value as it goes on the wire (Confluent wire format), for its topic. */
  @SuppressWarnings("unchecked")
  byte[] serialize(ParsedEvent event) {
    String topic = catalogue.name(event.topic());
    Serializer<SpecificRecord> values =
        (Serializer<SpecificRecord>) catalogue.get(event.topic()).valueSerde().serializer();
    return values.serialize(topic, event.value());
  }

  void send(ParsedEvent event) {
    producer.send(
        new ProducerRecord<>(catalogue.name(event.topic()), event.key(), serialize(event)));
  }

  void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
