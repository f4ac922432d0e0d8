package org.librarycampaign.governance;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.governance.hashtags.HashtagUse;

/** Keeps the global hashtag view: every instance holds the first use of every tag. */
final class HashtagViewUpdater implements Processor<String, HashtagUse, Void, Void> {

  private KeyValueStore<String, HashtagUse> view;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    view = context.getStateStore(GovernanceTopology.HASHTAG_VIEW_STORE);
  }

  @Override
  public void process(Record<String, HashtagUse> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      view.delete(record.key());
    } else {
      view.put(record.key(), record.value());
    }
  }
}
