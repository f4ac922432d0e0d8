package org.librarycampaign.crisis.response;

import library.campaign.events.ContactChannel;

/**
 * Notification ids (services/crisis/README.md#rules): the id says what was sent to whom, so the
 * same alert always gets the same id, and the dispatcher can use it as its idempotency key.
 */
public final class NotificationIds {

  private NotificationIds() {}

  /** {@code <incidentId>/<tier>/<responderId>/<channel>} */
  public static String alert(
      String incidentId, int tier, String responderId, ContactChannel channel) {
    return incidentId + "/" + tier + "/" + responderId + "/" + channel.name();
  }

  /** {@code <incidentId>/resolved/<responderId>/<channel>} */
  public static String resolution(String incidentId, String responderId, ContactChannel channel) {
    return incidentId + "/resolved/" + responderId + "/" + channel.name();
  }
}
