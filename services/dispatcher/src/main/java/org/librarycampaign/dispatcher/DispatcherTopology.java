package org.librarycampaign.dispatcher;

import java.util.Set;
import java.util.function.Supplier;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.Notification;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.dispatcher.retry.DeliveryRules;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.serde.AvroSerde;
import org.librarycampaign.platform.state.TimeOrderedKey;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * {@code campaign.notifications -> dispatch -> campaign.notification-receipts} (and {@code
 * campaign.dead-letters} after the last attempt), with the three stores of {@link
 * DispatchProcessor}.
 */
public final class DispatcherTopology {

  static final String PROCESSOR = "dispatch";

  private DispatcherTopology() {}

  /** The production topology: real channels (or the outbox), deliveries on a thread pool. */
  public static Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    DispatcherSettings settings = DispatcherSettings.from(config);
    return buildTopology(
        config,
        topics,
        settings,
        () -> new ThreadPoolDeliverer(settings.channels(), settings.threadsPerPartition()));
  }

  /** The same topology with another way of running deliveries (tests deliver inline). */
  public static Topology buildTopology(
      CampaignConfig config,
      TopicCatalogue topics,
      DispatcherSettings settings,
      Supplier<Deliverer> deliverers) {
    Topic<String, Notification> notifications = topics.notifications();
    Topic<String, DeliveryReceipt> receipts = topics.notificationReceipts();
    String source = "read-" + notifications.id().baseName();
    String receiptsSink = "write-" + receipts.id().baseName();
    String deadLettersSink = "write-" + topics.deadLetters().id().baseName();

    DispatchProcessor.Outputs outputs =
        new DispatchProcessor.Outputs(
            receiptsSink,
            deadLettersSink,
            notifications.name(),
            notifications.valueSerde().serializer(),
            new DeadLetters(
                topics.deadLetters().name(),
                topics.deadLetters().valueSerde().serializer(),
                config.applicationId(DispatcherService.NAME)));
    DeliveryRules rules = new DeliveryRules(settings.retry());
    int maxInFlight = settings.threadsPerPartition() * 2;

    // Store values are Avro in the registry's wire format like the topics, registered on first
    // use whatever campaign.registry.auto-register says: their subjects are internal. They stay
    // Avro, not platform's StateCodec: they are the contract records themselves, kept whole.
    AvroSerde<Notification> notificationSerde =
        new AvroSerde<>(topics.registry(), Notification.class, true);
    AvroSerde<DeliveryReceipt> receiptSerde =
        new AvroSerde<>(topics.registry(), DeliveryReceipt.class, true);
    Set<StoreBuilder<?>> stores =
        Set.of(
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DispatchProcessor.PENDING_STORE),
                Serdes.String(),
                notificationSerde),
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DispatchProcessor.RECEIPTS_STORE),
                Serdes.String(),
                receiptSerde),
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DispatchProcessor.SCHEDULE_STORE),
                TimeOrderedKey.serde(),
                Serdes.Long()));

    ProcessorSupplier<String, Notification, Object, Object> supplier =
        new ProcessorSupplier<>() {
          @Override
          public Processor<String, Notification, Object, Object> get() {
            return new DispatchProcessor(
                rules,
                settings.pollInterval(),
                maxInFlight,
                deliverers,
                outputs,
                settings.retention());
          }

          @Override
          public Set<StoreBuilder<?>> stores() {
            return stores;
          }
        };

    StreamsBuilder builder = new StreamsBuilder();
    KStream<Object, Object> outcomes =
        builder.stream(notifications.name(), notifications.consumed().withName(source))
            .process(supplier, Named.as(PROCESSOR));
    // the processor forwards each record to the sink of its topic by name
    outcomes.to(receipts.name(), writes(receipts.produced().withName(receiptsSink)));
    outcomes.to(
        topics.deadLetters().name(),
        writes(Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(deadLettersSink)));
    return builder.build();
  }

  /** A sink of one of the processor's outputs, which share the processor's record type. */
  @SuppressWarnings("unchecked")
  private static Produced<Object, Object> writes(Produced<?, ?> produced) {
    return (Produced<Object, Object>) produced;
  }
}
