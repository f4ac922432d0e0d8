package org.librarycampaign.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

/**
 * Sends mail through one SMTP server (Angus Mail): the session (timeouts, STARTTLS or TLS, trusted
 * hosts), messages whose {@code Message-ID} is derived from an id of ours, so that a message sent
 * again after a crash carries the same id and mail clients and archives see one message, and the
 * send with the configured login. Used by the dispatcher's e-mail channel and the weekly report.
 */
public final class SmtpMail {

  private final SmtpSettings settings;
  private final Session session;
  private final InternetAddress from;

  public SmtpMail(SmtpSettings settings, Duration timeout) {
    this.settings = settings;
    this.session = Session.getInstance(properties(settings, timeout));
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("SMTP from address is not valid: " + settings.from(), e);
    }
  }

  /** A new message from the configured sender whose Message-ID is derived from {@code id}. */
  public MimeMessage message(String id) throws MessagingException {
    MimeMessage message = new FixedIdMessage(session, messageId(id, settings.messageIdDomain()));
    message.setFrom(from);
    return message;
  }

  /** Sends the message, logging in when a username is configured. */
  public void send(MimeMessage message) throws MessagingException {
    if (settings.username().isPresent()) {
      Transport.send(
          message, settings.username().get(), settings.password().orElseThrow().reveal());
    } else {
      Transport.send(message);
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
  public static String messageId(String id, String domain) {
    StringBuilder left = new StringBuilder("<");
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
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
