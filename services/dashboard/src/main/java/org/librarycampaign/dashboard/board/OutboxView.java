package org.librarycampaign.dashboard.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.NotificationFact;
import org.librarycampaign.dashboard.facts.ReceiptsFact;

/**
 * Messages that were not sent but written to the dispatcher's local outbox, because their channel
 * (email, webhook, SMS) has no configuration: the latest first, at most {@link #SHOWN}.
 *
 * @param directory where the outbox files are, for the reader to open them
 * @param count how many there are in all
 */
public record OutboxView(String directory, int count, List<Entry> entries) {

  /** One message in the outbox. */
  public record Entry(
      String notificationId,
      String incidentId,
      String kind,
      String name,
      String role,
      String channel,
      String address,
      String subject,
      Instant at,
      String note) {}

  static final int SHOWN = 50;

  public OutboxView {
    entries = List.copyOf(entries);
  }

  static OutboxView of(Facts facts, String directory) {
    Map<String, NotificationFact> notifications = new TreeMap<>();
    facts.notifications().forEach(n -> notifications.put(n.notificationId(), n));
    List<Entry> entries = new ArrayList<>();
    for (ReceiptsFact receipts : facts.receipts()) {
      if (receipts.receipts().isEmpty() || !receipts.latest().outbox()) {
        continue;
      }
      ReceiptsFact.Receipt latest = receipts.latest();
      NotificationFact n = notifications.get(receipts.notificationId());
      entries.add(
          new Entry(
              receipts.notificationId(),
              n != null ? n.incidentId() : null,
              n != null ? n.kind() : null,
              n != null ? n.name() : null,
              n != null ? n.role() : null,
              latest.channel(),
              n != null ? n.address() : null,
              n != null ? n.subject() : null,
              latest.at(),
              latest.reason()));
    }
    entries.sort(
        Comparator.comparing(Entry::at, Comparator.reverseOrder())
            .thenComparing(Entry::notificationId));
    return new OutboxView(
        directory, entries.size(), entries.subList(0, Math.min(SHOWN, entries.size())));
  }
}
