package org.librarycampaign.crisis;

import library.campaign.events.CrisisOutput;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.streams.OwnershipGate;

/**
 * The output gate of crisis (docs/ARCHITECTURE.md#ownership-and-placement), after the by-incident
 * repartition: an incident id belongs to the first branch whose output about it reaches the gate
 * (store {@link CrisisTopology#OUTPUT_OWNERS_STORE}, as the platform's {@code OwnershipGate} keeps
 * it). Another branch's {@link CrisisOutput} is refused whole ({@link RejectedRecord}, OWNERSHIP,
 * the platform gate's {@link OwnershipGate#refusal}); the owner's is split: each notification,
 * keyed by its id, to {@link CrisisTopology#NOTIFICATIONS_OUT}, in order, then the status, keyed by
 * incident id, to {@link CrisisTopology#STATUS_OUT}. One record and one check per change of an
 * incident, where the platform's gate would take one per notification and one per status.
 */
final class OutputGate implements Processor<String, CrisisOutput, String, SpecificRecord> {

  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, String> owners;

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.owners = context.getStateStore(CrisisTopology.OUTPUT_OWNERS_STORE);
  }

  @Override
  public void process(Record<String, CrisisOutput> record) {
    if (record.value() == null) {
      return;
    }
    IncidentStatus status = record.value().getStatus();
    String incidentId = status.getIncidentId();
    String branchId = status.getBranchId();
    String owner = owners.get(incidentId);
    if (owner == null) {
      owners.put(incidentId, branchId);
    } else if (!owner.equals(branchId)) {
      throw OwnershipGate.refusal("incidentId", incidentId, branchId);
    }
    for (Notification notification : record.value().getNotifications()) {
      context.forward(
          new Record<String, SpecificRecord>(
              notification.getNotificationId(), notification, record.timestamp(), record.headers()),
          CrisisTopology.NOTIFICATIONS_OUT);
    }
    context.forward(
        new Record<String, SpecificRecord>(
            incidentId, status, record.timestamp(), record.headers()),
        CrisisTopology.STATUS_OUT);
  }
}
