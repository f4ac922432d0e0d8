package org.librarycampaign.governance;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.governance.hashtags.HashtagUse;

/**
 * The one writer of each tag's first use: uses arrive repartitioned by normalized tag, and only a
 * use earlier than the one recorded (by time, then branch, then post) replaces it and goes on to
 * the view topic. The view topic therefore only ever moves a tag's first use earlier, so its latest
 * record per key, the one compaction keeps, is the earliest use.
 */
final class HashtagFirstUseProcessor implements Processor<String, HashtagUse, String, HashtagUse> {

  private ProcessorContext<String, HashtagUse> context;
  private KeyValueStore<String, HashtagUse> firstUses;
  private Counter recorded;

  @Override
  public void init(ProcessorContext<String, HashtagUse> processorContext) {
    this.context = processorContext;
    this.firstUses = context.getStateStore(GovernanceTopology.HASHTAG_FIRST_USE_STORE);
    this.recorded = GovernanceMetrics.hashtagFirstUses();
  }

  @Override
  public void process(Record<String, HashtagUse> record) {
    HashtagUse use = record.value();
    if (use == null || record.key() == null) {
      return;
    }
    HashtagUse known = firstUses.get(record.key());
    if (known == null || use.isBefore(known)) {
      firstUses.put(record.key(), use);
      context.forward(record);
      recorded.increment();
    }
  }
}
