package org.librarycampaign.dashboard.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.librarycampaign.dashboard.facts.Facts;

/** Reads every fact store into {@link Facts}, each in key order (interactive queries). */
public final class FactReader {

  /** Finds the store behind a {@link FactStore}: a running client's, or a test driver's. */
  @FunctionalInterface
  public interface StoreLookup {
    <F> ReadOnlyKeyValueStore<String, F> store(FactStore<?, F> store);
  }

  private FactReader() {}

  /** The stores of a running Kafka Streams client. */
  public static Facts read(KafkaStreams streams) {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      throw new ViewUnavailableException(
          "the dashboard's views are " + state.name().toLowerCase(Locale.ROOT), null);
    }
    try {
      return read(
          new StoreLookup() {
            @Override
            public <F> ReadOnlyKeyValueStore<String, F> store(FactStore<?, F> store) {
              return streams.store(
                  StoreQueryParameters.fromNameAndType(
                      store.name(), QueryableStoreTypes.<String, F>keyValueStore()));
            }
          });
    } catch (InvalidStateStoreException e) {
      throw new ViewUnavailableException("the dashboard's views are not queryable now", e);
    }
  }

  public static Facts read(StoreLookup lookup) {
    return new Facts(
        all(lookup, FactStore.POLICIES),
        all(lookup, FactStore.POSTS),
        all(lookup, FactStore.DECISIONS),
        all(lookup, FactStore.MILESTONES),
        all(lookup, FactStore.FLAGS),
        all(lookup, FactStore.INCIDENTS),
        all(lookup, FactStore.STATUSES),
        all(lookup, FactStore.NOTIFICATIONS),
        all(lookup, FactStore.RECEIPTS),
        all(lookup, FactStore.DEAD_LETTERS),
        all(lookup, FactStore.PUBLICATIONS),
        all(lookup, FactStore.OFFICIALS),
        all(lookup, FactStore.BRANCH_SETTINGS));
  }

  private static <F> List<F> all(StoreLookup lookup, FactStore<?, F> store) {
    List<F> facts = new ArrayList<>();
    try (KeyValueIterator<String, F> entries = lookup.store(store).all()) {
      entries.forEachRemaining(entry -> facts.add(entry.value));
    }
    return facts;
  }
}
