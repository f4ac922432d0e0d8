package org.librarycampaign.dashboard.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.DeliveryReceipt;

/**
 * Every delivery receipt of one notification, from {@code campaign.notification-receipts} (keyed by
 * notificationId), oldest first. The topic is compacted to the latest receipt, so the history shown
 * after a restart is what compaction left; the same receipt twice is kept once. Only the latest
 * {@link #MAX_KEPT} are kept.
 */
public record ReceiptsFact(String notificationId, List<Receipt> receipts) {

  static final int MAX_KEPT = 20;

  /** One delivery outcome. */
  public record Receipt(
      String status,
      String channel,
      int attempt,
      Instant nextAttemptAt,
      String reason,
      boolean outbox,
      Instant at) {}

  private static final Comparator<Receipt> ORDER =
      Comparator.comparing(Receipt::at)
          .thenComparingInt(Receipt::attempt)
          .thenComparing(Receipt::status);

  public ReceiptsFact {
    receipts = receipts == null ? List.of() : List.copyOf(receipts);
  }

  /** The latest receipt: where delivery stands. */
  public Receipt latest() {
    return receipts.get(receipts.size() - 1);
  }

  public static Fold<DeliveryReceipt, ReceiptsFact> fold() {
    return ReceiptsFact::apply;
  }

  static List<Change<ReceiptsFact>> apply(
      String recordKey, DeliveryReceipt value, Function<String, ReceiptsFact> current) {
    if (value == null) {
      return List.of(Change.delete(recordKey));
    }
    Receipt receipt =
        new Receipt(
            value.getStatus().name(),
            value.getChannel().name(),
            value.getAttempt(),
            value.getNextAttemptAt(),
            value.getReason(),
            value.getOutbox(),
            value.getAt());
    ReceiptsFact known = current.apply(value.getNotificationId());
    List<Receipt> receipts = new ArrayList<>(known == null ? List.of() : known.receipts());
    if (receipts.contains(receipt)) {
      return List.of();
    }
    receipts.add(receipt);
    receipts.sort(ORDER);
    if (receipts.size() > MAX_KEPT) {
      receipts = receipts.subList(receipts.size() - MAX_KEPT, receipts.size());
    }
    return List.of(
        Change.put(
            value.getNotificationId(), new ReceiptsFact(value.getNotificationId(), receipts)));
  }
}
