package org.librarycampaign.platform.streams;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.librarycampaign.platform.events.EventType;

/** Text fields of the records on our topics, looked through an envelope to the event inside. */
final class RecordFields {

  private RecordFields() {}

  /** A text field of the record, or of its member when the record is an envelope; else null. */
  static String text(SpecificRecord value, String name) {
    if (value == null) {
      return null;
    }
    IndexedRecord body = value;
    if (EventType.isEnvelope(value.getSchema()) && value.get(0) instanceof IndexedRecord member) {
      body = member;
    }
    Schema.Field field = body.getSchema().getField(name);
    Object text = field == null ? null : body.get(field.pos());
    return text == null ? null : text.toString();
  }
}
