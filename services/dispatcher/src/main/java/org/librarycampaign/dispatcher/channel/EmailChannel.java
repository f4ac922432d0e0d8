package org.librarycampaign.dispatcher.channel;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import library.campaign.events.Notification;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Plain-text email over SMTP (Angus Mail). The {@code Message-ID} is derived from the notification
 * id, so a repeat after a crash carries the same id and mail clients and archives see one message;
 * the {@code Date} is the notification's creation time, so a repeat is the same message byte for
 * byte.
 */
public final class EmailChannel implements Channel {

  public static final String NOTIFICATION_ID_HEADER = "X-Campaign-Notification-Id";
  public static final String INCIDENT_ID_HEADER = "X-Campaign-Incident-Id";

  private final SmtpSettings settings;
  private final Session session;
  private final InternetAddress from;

  public EmailChannel(SmtpSettings settings, Duration timeout) {
    this.settings = settings;
    this.session = Session.getInstance(properties(settings, timeout));
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("SMTP from address is not valid: " + settings.from(), e);
    }
  }

  static Properties properties(SmtpSettings settings, Duration timeout) {
    Properties props = new Properties();
    String millis = Long.toString(timeout.toMillis());
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", settings.host());
    props.put("mail.smtp.port", Integer.toString(settings.port()));
    props.put("mail.smtp.connectiontimeout", millis);
    props.put("mail.smtp.timeout", millis);
    props.put("mail.smtp.writetimeout", millis);
    props.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
    switch (settings.security()) {
      case STARTTLS -> {
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
      }
      case TLS -> props.put("mail.smtp.ssl.enable", "true");
      case NONE -> {}
    }
    if (settings.security() != SmtpSettings.Security.NONE) {
      // a trusted host is one whose certificate (and so its name in it) is taken as it is
      props.put(
          "mail.smtp.ssl.checkserveridentity", Boolean.toString(settings.trustedHosts().isEmpty()));
      settings.trustedHosts().ifPresent(hosts -> props.put("mail.smtp.ssl.trust", hosts));
    }
    return props;
  }

  /**
   * {@code <id@domain>}: the id's characters that may not stand in a Message-ID (RFC 5322
   * dot-atom-text) written as {@code =XX}, so that different ids never share a Message-ID.
   */
  public static String messageId(String notificationId, String domain) {
    StringBuilder left = new StringBuilder("<");
    byte[] bytes = notificationId.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      char c = (char) (b & 0xff);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '/'
              || c == '+';
      if (plain) {
        left.append(c);
      } else {
        left.append('=').append(String.format("%02X", b & 0xff));
      }
    }
    return left.append('@').append(domain).append('>').toString();
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
      MimeMessage message =
          new FixedIdMessage(
              session, messageId(notification.getNotificationId(), settings.messageIdDomain()));
      message.setFrom(from);
      message.setRecipient(Message.RecipientType.TO, to);
      message.setSubject(notification.getSubject(), StandardCharsets.UTF_8.name());
      message.setText(MessageText.body(notification), StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(notification.getCreatedAt()));
      message.setHeader(NOTIFICATION_ID_HEADER, notification.getNotificationId());
      message.setHeader(INCIDENT_ID_HEADER, notification.getIncidentId());
      if (settings.username().isPresent()) {
        Transport.send(
            message, settings.username().get(), settings.password().orElseThrow().reveal());
      } else {
        Transport.send(message);
      }
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

  /** A message whose Message-ID is ours rather than one Jakarta Mail makes up on save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
