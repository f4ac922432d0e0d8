package org.librarycampaign.dashboard.facts;

import java.util.List;
import java.util.function.Function;

/**
 * How the records of one topic change one store of facts: given the record (key and value, a null
 * value being a tombstone) and a look-up of the facts already stored, the changes to make. Pure:
 * the same record on the same facts always gives the same changes.
 *
 * @param <V> the topic's value type
 * @param <F> the stored fact type
 */
@FunctionalInterface
public interface Fold<V, F> {

  List<Change<F>> apply(String recordKey, V value, Function<String, F> current);
}
