package org.librarycampaign.platform.deadletter;

/**
 * Thrown by a processor for a record it refuses on purpose (not a bug): the processing handler
 * sends the record to dead letters, and {@link DeadLetters} writes the {@link #reason()} in the
 * {@code campaign.error.reason} header, so a consumer can count refusals by reason without parsing
 * messages.
 */
public final class RejectedRecord extends RuntimeException {

  /** A record about a post or incident id that belongs to another branch. */
  public static final String OWNERSHIP = "OWNERSHIP";

  /**
   * A value of an input topic that breaks an input rule ({@link
   * org.librarycampaign.platform.streams.InputRules}); the message names each field.
   */
  public static final String INVALID = "INVALID";

  private final String reason;

  public RejectedRecord(String reason, String message) {
    super(reason + ": " + message, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
