package org.librarycampaign.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.registry.SchemaRegistry;
import org.librarycampaign.platform.registry.SchemaRegistryException;
import org.librarycampaign.platform.serde.AvroSerde;
import org.librarycampaign.platform.serde.ConfluentWireFormat;
import org.librarycampaign.platform.serde.RegistryUnavailableException;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * A record that fails only because the schema registry is down is not a dead letter: the handlers
 * answer FAIL (the task dies and is retried from its last commit), while a record whose own bytes
 * are bad (an id a healthy registry does not know) still goes to dead letters.
 */
class RegistryOutageHandlersTest {

  @TempDir Path stateDir;

  private final InMemorySchemaRegistry stored = new InMemorySchemaRegistry();
  private final SwitchableRegistry registry = new SwitchableRegistry(stored);
  private TopologyTestDriver driver;
  private TopicCatalogue catalogue;
  private TestInputTopic<String, byte[]> rawPosts;
  private TestOutputTopic<byte[], DeadLetter> deadLetters;

  private CampaignConfig config;

  @BeforeEach
  void startDriver() {
    config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR,
                stateDir.toString(),
                CampaignConfig.TOPIC_PREFIX,
                "outage-test."));
    catalogue = TopicCatalogue.forConfig(config, registry);
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(catalogue.posts().name(), catalogue.posts().consumed())
        .to("outage-test.copies", catalogue.posts().produced());
    Properties props = StreamsSettings.forService(config, "outage-test", catalogue);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(RegistryOutage.PAUSE_CONFIG, "0");
    driver = new TopologyTestDriver(builder.build(), props);
    rawPosts =
        driver.createInputTopic(
            catalogue.posts().name(), new StringSerializer(), new ByteArraySerializer());
    deadLetters =
        driver.createOutputTopic(
            catalogue.deadLetters().name(),
            new ByteArrayDeserializer(),
            new AvroSerde<>(stored, DeadLetter.class, true).deserializer());
    // the dead-letter subject is registered, so a wrongly written dead letter would show
    new DeadLetters(
            catalogue.deadLetters().name(),
            catalogue.deadLetters().valueSerde().serializer(),
            "outage-test")
        .record(
            new DeadLetters.Failure(
                "warm-up", 0, 0, DeadLetterStage.PROCESSING, new Exception("warm-up"), null, null));
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void aRecordWhoseWriterSchemaCannotBeFetchedFailsTheTaskInsteadOfDeadLettering() {
    byte[] post = writtenElsewhere(post("p1"));
    registry.down = true;

    Throwable failure = catchThrowable(() -> rawPosts.pipeInput("eastside", post));

    assertThat(RegistryUnavailableException.isCauseOf(failure)).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void anOutputWhoseSubjectCannotBeRegisteredFailsTheTaskInsteadOfDeadLettering() {
    byte[] post = writtenElsewhere(post("p1"));
    // the reader's schema is fetched while the registry is up; the output subject is not there
    catalogue.posts().valueSerde().deserializer().deserialize(catalogue.posts().name(), post);
    registry.down = true;

    Throwable failure = catchThrowable(() -> rawPosts.pipeInput("eastside", post));

    assertThat(RegistryUnavailableException.isCauseOf(failure)).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void aStoreValueWhoseChangelogSubjectCannotBeRegisteredFailsTheTaskInsteadOfDeadLettering() {
    driver.close();
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("kept-posts"),
            Serdes.String(),
            new AvroSerde<>(registry, PostEvent.class, true)));
    builder.stream(catalogue.posts().name(), catalogue.posts().consumed())
        .process(KeepInStore::new, Named.as("keep-posts"), "kept-posts");
    Properties props = StreamsSettings.forService(config, "outage-test", catalogue);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(RegistryOutage.PAUSE_CONFIG, "0");
    driver = new TopologyTestDriver(builder.build(), props);
    rawPosts =
        driver.createInputTopic(
            catalogue.posts().name(), new StringSerializer(), new ByteArraySerializer());
    deadLetters =
        driver.createOutputTopic(
            catalogue.deadLetters().name(),
            new ByteArrayDeserializer(),
            new AvroSerde<>(stored, DeadLetter.class, true).deserializer());
    byte[] post = writtenElsewhere(post("p1"));
    catalogue.posts().valueSerde().deserializer().deserialize(catalogue.posts().name(), post);
    registry.down = true;

    Throwable failure = catchThrowable(() -> rawPosts.pipeInput("eastside", post));

    assertThat(RegistryUnavailableException.isCauseOf(failure)).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  /** Puts each post in a store whose values are Avro: the store's serializer needs a subject. */
  private static final class KeepInStore implements Processor<String, PostEvent, Void, Void> {
    private KeyValueStore<String, PostEvent> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore("kept-posts");
    }

    @Override
    public void process(Record<String, PostEvent> record) {
      store.put(record.key(), record.value());
    }
  }

  @Test
  void aSchemaIdAHealthyRegistryDoesNotKnowIsStillADeadLetter() {
    byte[] unknownId = new byte[ConfluentWireFormat.HEADER_LENGTH + 1];
    System.arraycopy(ConfluentWireFormat.header(9999), 0, unknownId, 0, 5);

    rawPosts.pipeInput("eastside", unknownId);

    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.getStage()).isEqualTo(DeadLetterStage.DESERIALIZATION);
    assertThat(letter.getErrorMessage()).contains("9999");
  }

  /** Bytes a producer wrote with the registry up: their schema id is in the registry. */
  private byte[] writtenElsewhere(PostEvent event) {
    return new AvroSerde<>(stored, PostEvent.class, true)
        .serializer()
        .serialize("outage-test.campaign.posts", event);
  }

  private static PostEvent post(String postId) {
    return new PostEvent(
        PostDrafted.newBuilder()
            .setPostId(postId)
            .setRevision(1)
            .setBranchId("eastside")
            .setPlatform(Platform.FACEBOOK)
            .setCategory(PostCategory.CONTENT)
            .setText("Story time at 10")
            .setScheduledAt(Instant.parse("2026-12-01T15:00:00Z"))
            .setDraftedAt(Instant.parse("2026-11-27T10:00:00Z"))
            .build());
  }

  /** A registry that can be made unreachable, as the HTTP client reports it (status 0). */
  private static final class SwitchableRegistry implements SchemaRegistry {
    private final SchemaRegistry delegate;
    volatile boolean down;

    SwitchableRegistry(SchemaRegistry delegate) {
      this.delegate = delegate;
    }

    private void check() {
      if (down) {
        throw new SchemaRegistryException("Schema registry unreachable: connection refused", 0);
      }
    }

    @Override
    public int register(String subject, Schema schema) {
      check();
      return delegate.register(subject, schema);
    }

    @Override
    public int idOf(String subject, Schema schema) {
      check();
      return delegate.idOf(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
      check();
      return delegate.schemaById(id);
    }

    @Override
    public RegisteredSchema latest(String subject) {
      check();
      return delegate.latest(subject);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
      check();
      return delegate.isCompatible(subject, schema);
    }

    @Override
    public String compatibility(String subject) {
      check();
      return delegate.compatibility(subject);
    }

    @Override
    public void setCompatibility(String subject, String level) {
      check();
      delegate.setCompatibility(subject, level);
    }

    @Override
    public List<String> subjects() {
      check();
      return delegate.subjects();
    }
  }
}
