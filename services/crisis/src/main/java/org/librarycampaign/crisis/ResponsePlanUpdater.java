package org.librarycampaign.crisis;

import library.campaign.events.ResponsePlan;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global plan store equal to the compacted plan topic: a tombstone removes a plan. */
final class ResponsePlanUpdater implements Processor<String, ResponsePlan, Void, Void> {

  private KeyValueStore<String, ResponsePlan> plans;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    plans = context.getStateStore(CrisisTopology.PLANS_STORE);
  }

  @Override
  public void process(Record<String, ResponsePlan> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      plans.delete(record.key());
    } else {
      plans.put(record.key(), record.value());
    }
  }
}
