package org.librarycampaign.dispatcher.channel;

import library.campaign.events.Notification;

/** The human-readable text of a notification, per kind of channel. */
public final class MessageText {

  private MessageText() {}

  /** The body, followed by where to acknowledge unless the body already says it. */
  public static String body(Notification notification) {
    String body = notification.getBody();
    String acknowledgeUrl = notification.getAcknowledgeUrl();
    if (acknowledgeUrl == null || acknowledgeUrl.isBlank() || body.contains(acknowledgeUrl)) {
      return body;
    }
    return body + "\n\nAcknowledge: " + acknowledgeUrl;
  }

  /** Subject line, then the body: what a chat message shows. */
  public static String chat(Notification notification) {
    return notification.getSubject() + "\n\n" + body(notification);
  }

  /** Short enough for a text message: subject, summary and where to acknowledge. */
  public static String sms(Notification notification) {
    StringBuilder text = new StringBuilder(notification.getSubject());
    String summary = notification.getSummary();
    if (summary != null && !summary.isBlank() && !summary.equals(notification.getSubject())) {
      text.append(": ").append(summary);
    }
    String acknowledgeUrl = notification.getAcknowledgeUrl();
    if (acknowledgeUrl != null && !acknowledgeUrl.isBlank()) {
      text.append(" Acknowledge: ").append(acknowledgeUrl);
    }
    return text.toString();
  }
}
