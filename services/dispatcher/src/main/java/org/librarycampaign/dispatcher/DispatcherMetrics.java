package org.librarycampaign.dispatcher;

/** Every metric name and tag of the dispatcher, as {@code /metrics} shows them (dots: _). */
public final class DispatcherMetrics {

  /** Counter: receipts written, by channel and status (DELIVERED, RETRYING, FAILED). */
  public static final String RECEIPTS = "campaign.dispatcher.receipts";

  /** Counter: DELIVERED receipts that went to the local outbox, by channel. */
  public static final String OUTBOX = "campaign.dispatcher.outbox";

  /** Counter: notifications read again after they were DELIVERED or FAILED, and skipped. */
  public static final String DUPLICATES_SKIPPED = "campaign.dispatcher.duplicates.skipped";

  /** Timer: how long one delivery attempt took, by channel. */
  public static final String ATTEMPT_DURATION = "campaign.dispatcher.attempt.duration";

  public static final String TAG_CHANNEL = "channel";
  public static final String TAG_STATUS = "status";

  private DispatcherMetrics() {}
}
