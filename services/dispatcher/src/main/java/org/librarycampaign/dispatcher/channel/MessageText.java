package org.librarycampaign.dispatcher.channel;

import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import org.librarycampaign.platform.ack.ReplyCodes;

/** The human-readable text of a notification, per kind of channel. */
public final class MessageText {

  private MessageText() {}

  /**
   * Where the recipient acknowledges: the one-tap signed link ({@code ackUrl}) when the
   * notification has one, else the API route (older notifications); null for neither.
   */
  static String acknowledgeLink(Notification notification) {
    String ackUrl = notification.getAckUrl();
    if (ackUrl != null && !ackUrl.isBlank()) {
      return ackUrl;
    }
    String acknowledgeUrl = notification.getAcknowledgeUrl();
    return acknowledgeUrl == null || acknowledgeUrl.isBlank() ? null : acknowledgeUrl;
  }

  /** The body, followed by where to acknowledge unless the body already says it. */
  public static String body(Notification notification) {
    String body = notification.getBody();
    String link = acknowledgeLink(notification);
    if (link == null || body.contains(link)) {
      return body;
    }
    return body + "\n\nAcknowledge: " + link;
  }

  /** Subject line, then the body: what a chat message shows. */
  public static String chat(Notification notification) {
    return notification.getSubject() + "\n\n" + body(notification);
  }

  /**
   * Short enough for a text message: subject, summary and where to acknowledge; an alert ends with
   * its reply codes ({@code Reply 42A to acknowledge, 42E to escalate now.}, platform {@code
   * ack.ReplyCodes}), which the ingest API's SMS endpoint reads.
   */
  public static String sms(Notification notification) {
    StringBuilder text = new StringBuilder(notification.getSubject());
    String summary = notification.getSummary();
    if (summary != null && !summary.isBlank() && !summary.equals(notification.getSubject())) {
      text.append(": ").append(summary);
    }
    String link = acknowledgeLink(notification);
    if (link != null) {
      text.append(" Acknowledge: ").append(link);
    }
    if (notification.getKind() == NotificationKind.ALERT) {
      text.append(' ').append(ReplyCodes.instruction(notification.getIncidentId()));
    }
    return text.toString();
  }
}
