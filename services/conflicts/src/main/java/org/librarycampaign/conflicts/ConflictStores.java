package org.librarycampaign.conflicts;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.conflicts.calendar.CalendarState;

/** The named state stores of the calendar (layout in the README, encodings in the calendar). */
final class ConflictStores {

  static final String POSTS = "conflicts-posts";
  static final String POST_SCHEDULE = "conflicts-post-schedule";
  static final String CAMPAIGN_SCHEDULE = "conflicts-campaign-schedule";
  static final String MILESTONES = "conflicts-milestones";
  static final String AVOID_CALENDAR = "conflicts-avoid-calendar";
  static final String AMPLIFY_CALENDAR = "conflicts-amplify-calendar";
  static final String BRANCHES = "conflicts-branches";

  static final List<String> NAMES =
      List.of(
          POSTS,
          POST_SCHEDULE,
          CAMPAIGN_SCHEDULE,
          MILESTONES,
          AVOID_CALENDAR,
          AMPLIFY_CALENDAR,
          BRANCHES);

  private ConflictStores() {}

  /** Persistent (RocksDB, bytewise key order), logged to a changelog each. */
  static List<StoreBuilder<KeyValueStore<Bytes, byte[]>>> builders() {
    return NAMES.stream()
        .map(
            name ->
                Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray()))
        .toList();
  }

  static CalendarState open(ProcessorContext<?, ?> context) {
    return new CalendarState(
        new CalendarState.Stores(
            store(context, POSTS),
            store(context, POST_SCHEDULE),
            store(context, CAMPAIGN_SCHEDULE),
            store(context, MILESTONES),
            store(context, AVOID_CALENDAR),
            store(context, AMPLIFY_CALENDAR),
            store(context, BRANCHES)));
  }

  private static KafkaSortedStore store(ProcessorContext<?, ?> context, String name) {
    KeyValueStore<Bytes, byte[]> store = context.getStateStore(name);
    return new KafkaSortedStore(store);
  }
}
