package org.librarycampaign.dispatcher.channel;

/**
 * What one delivery attempt came to. A channel never throws: every error becomes a {@link Failed}
 * that says whether trying again could help.
 */
public sealed interface DeliveryOutcome {

  /** The peer took the message, or (with {@code outbox}) it was written to the local outbox. */
  record Delivered(boolean outbox, String detail) implements DeliveryOutcome {}

  /**
   * The attempt failed. {@code permanent}: the same message to the same address will fail again (a
   * 4xx answer, an address that is not one), so no retry; otherwise (a 5xx answer, a timeout, a
   * refused connection) a later attempt may succeed.
   */
  record Failed(boolean permanent, String reason) implements DeliveryOutcome {}

  static DeliveryOutcome delivered() {
    return new Delivered(false, null);
  }

  static DeliveryOutcome toOutbox(String detail) {
    return new Delivered(true, detail);
  }

  static DeliveryOutcome transientFailure(String reason) {
    return new Failed(false, reason);
  }

  static DeliveryOutcome permanentFailure(String reason) {
    return new Failed(true, reason);
  }
}
