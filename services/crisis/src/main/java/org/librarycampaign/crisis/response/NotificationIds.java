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

  /** {@code <incidentId>/<tier>/<responderId>/<channel>/repeat-<n>}, n from 1 */
  public static String repeat(
      String incidentId, int tier, String responderId, ContactChannel channel, int n) {
    return alert(incidentId, tier, responderId, channel) + "/repeat-" + n;
  }

  /** {@code <incidentId>/fallback/<n>/<channel>}, n the contact's place in the list, from 1 */
  public static String fallback(String incidentId, int n, ContactChannel channel) {
    return incidentId + "/fallback/" + n + "/" + channel.name();
  }

  /** {@code <incidentId>/resolved/<responderId>/<channel>} */
  public static String resolution(String incidentId, String responderId, ContactChannel channel) {
    return incidentId + "/resolved/" + responderId + "/" + channel.name();
  }
}
