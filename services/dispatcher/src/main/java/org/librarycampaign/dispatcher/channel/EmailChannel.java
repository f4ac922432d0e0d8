package org.librarycampaign.dispatcher.channel;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import library.campaign.events.Notification;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.librarycampaign.platform.mail.SmtpMail;
import org.librarycampaign.platform.mail.SmtpSettings;

/**
 * Plain-text email over SMTP (Angus Mail). The {@code Message-ID} is derived from the notification
 * id, so a repeat after a crash carries the same id and mail clients and archives see one message;
 * the {@code Date} is the notification's creation time, so a repeat is the same message byte for
 * byte.
 */
public final class EmailChannel implements Channel {

  public static final String NOTIFICATION_ID_HEADER = "X-Campaign-Notification-Id";
  public static final String INCIDENT_ID_HEADER = "X-Campaign-Incident-Id";

  private final SmtpMail mail;

  public EmailChannel(SmtpSettings settings, Duration timeout) {
    this.mail = new SmtpMail(settings, timeout);
  }

  /** The Message-ID for a notification id: see {@link SmtpMail#messageId}. */
  public static String messageId(String notificationId, String domain) {
    return SmtpMail.messageId(notificationId, domain);
  }

  @Override
  public DeliveryOutcome deliver(Notification notification) {
    InternetAddress to;
    try {
      to = new InternetAddress(notification.getAddress(), true);
      to.validate();
    } catch (AddressException e) {
      return DeliveryOutcome.permanentFailure(
          "not an email address: '" + notification.getAddress() + "'");
    }
    try {
      MimeMessage message = mail.message(notification.getNotificationId());
      message.setRecipient(Message.RecipientType.TO, to);
      message.setSubject(notification.getSubject(), StandardCharsets.UTF_8.name());
      message.setText(MessageText.body(notification), StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(notification.getCreatedAt()));
      message.setHeader(NOTIFICATION_ID_HEADER, notification.getNotificationId());
      message.setHeader(INCIDENT_ID_HEADER, notification.getIncidentId());
      mail.send(message);
      return DeliveryOutcome.delivered();
    } catch (MessagingException e) {
      return classify(e);
    }
  }

  /** 5xx replies about the recipient or the message are permanent; everything else may pass. */
  static DeliveryOutcome classify(MessagingException error) {
    for (Throwable e = error; e != null; e = next(e)) {
      if (e instanceof SMTPAddressFailedException failed) {
        return byReplyCode(failed.getReturnCode(), "recipient refused: " + oneLine(failed));
      }
      if (e instanceof SMTPSendFailedException failed) {
        return byReplyCode(failed.getReturnCode(), "message refused: " + oneLine(failed));
      }
      if (e instanceof AuthenticationFailedException) {
        return DeliveryOutcome.transientFailure("SMTP authentication failed");
      }
      if (e instanceof ConnectException) {
        return DeliveryOutcome.transientFailure("SMTP connection refused: " + oneLine(e));
      }
      if (e instanceof SocketTimeoutException) {
        return DeliveryOutcome.transientFailure("SMTP timed out: " + oneLine(e));
      }
      if (e instanceof IOException) {
        return DeliveryOutcome.transientFailure("SMTP I/O error: " + oneLine(e));
      }
    }
    return DeliveryOutcome.transientFailure("SMTP error: " + oneLine(error));
  }

  private static DeliveryOutcome byReplyCode(int code, String reason) {
    return code >= 500 && code < 600
        ? DeliveryOutcome.permanentFailure(reason)
        : DeliveryOutcome.transientFailure(reason);
  }

  private static Throwable next(Throwable e) {
    Throwable next =
        e instanceof MessagingException messaging ? messaging.getNextException() : e.getCause();
    if (next == null) {
      next = e.getCause();
    }
    return next == e ? null : next;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip().replaceAll("\\s+", " ");
  }
}
