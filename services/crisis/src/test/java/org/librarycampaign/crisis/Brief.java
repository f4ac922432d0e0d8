package org.librarycampaign.crisis;

import java.util.stream.Collectors;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;

/**
 * One output record on one line, with the fields that differ from record to record of a scenario:
 *
 * <pre>
 * N &lt;key&gt; ALERT HIGH tier=0 Dana Reyes (Branch manager) EMAIL dana@... ack=&lt;url&gt; at=&lt;createdAt&gt;
 * S &lt;key&gt; OPEN HIGH tier=0 notified=3 [id, id, id] ackBy=... at=&lt;updatedAt&gt;
 * </pre>
 *
 * A key that differs from the record's own id shows as {@code key!=id}. The text fields (subject,
 * body) are asserted in full in {@code NotificationContentTest}.
 */
final class Brief {

  private Brief() {}

  static String of(KeyValue<String, SpecificRecord> record) {
    if (record.value instanceof Notification n) {
      return "N "
          + key(record.key, n.getNotificationId())
          + " "
          + n.getKind()
          + " "
          + n.getSeverity()
          + " tier="
          + n.getTier()
          + " "
          + n.getRecipient().getName()
          + " ("
          + n.getRecipient().getRole()
          + ") "
          + n.getChannel()
          + " "
          + n.getAddress()
          + (n.getAcknowledgeUrl() == null ? "" : " ack=" + n.getAcknowledgeUrl())
          + " at="
          + n.getCreatedAt();
    }
    if (record.value instanceof IncidentStatus s) {
      return "S "
          + key(record.key, s.getIncidentId())
          + " "
          + s.getState()
          + " "
          + s.getSeverity()
          + " tier="
          + s.getTier()
          + " notified="
          + s.getNotifiedCount()
          + " "
          + s.getNotified().stream()
              .map(c -> c.getNotificationId())
              .collect(Collectors.joining(", ", "[", "]"))
          + (s.getAcknowledgedBy() == null ? "" : " ackBy=" + s.getAcknowledgedBy())
          + " at="
          + s.getUpdatedAt();
    }
    throw new IllegalArgumentException("not a crisis output: " + record.value);
  }

  private static String key(String key, String id) {
    return key.equals(id) ? key : key + "!=" + id;
  }
}
