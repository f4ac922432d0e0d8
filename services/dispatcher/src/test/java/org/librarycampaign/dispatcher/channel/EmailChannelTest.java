package org.librarycampaign.dispatcher.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Optional;
import library.campaign.events.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.librarycampaign.dispatcher.RecordingHttpServer;
import org.librarycampaign.dispatcher.Samples;
import org.librarycampaign.platform.config.Secret;
import org.librarycampaign.platform.mail.SmtpSettings;

class EmailChannelTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String SENDER = "alerts@library.example";

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(SENDER, "s3cret"));

  @RegisterExtension
  static final GreenMailExtension SMTPS =
      new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  private static SmtpSettings plain(int port, Optional<String> user, Optional<Secret> password) {
    return new SmtpSettings(
        "127.0.0.1",
        port,
        SmtpSettings.Security.NONE,
        user,
        password,
        "Library alerts <" + SENDER + ">",
        "library.example",
        Optional.empty());
  }

  @Test
  void sendsTheNotificationWithAMessageIdDerivedFromItsId() throws Exception {
    EmailChannel channel =
        new EmailChannel(
            plain(SMTP.getSmtp().getPort(), Optional.of(SENDER), Optional.of(new Secret("s3cret"))),
            TIMEOUT);
    Notification notification = Samples.email("i1", "r1", "jordan.lee@eastside.example");

    DeliveryOutcome outcome = channel.deliver(notification);

    assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered(false, null));
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getMessageID()).isEqualTo("<i1/0/r1/EMAIL@library.example>");
    assertThat(mail.getSubject()).isEqualTo("[HIGH] Book challenge at Eastside");
    assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
        .isEqualTo(
            "A challenge to 'Gender Queer' is trending.\n1. Check the facts\n2. Call comms"
                + "\n\nAcknowledge: https://campaign.example/ack/signed-i1");
    assertThat(mail.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("jordan.lee@eastside.example");
    assertThat(mail.getFrom())
        .extracting(Object::toString)
        .containsExactly("Library alerts <" + SENDER + ">");
    assertThat(mail.getHeader(EmailChannel.NOTIFICATION_ID_HEADER, null))
        .isEqualTo("i1/0/r1/EMAIL");
    assertThat(mail.getSentDate().toInstant()).isEqualTo(Samples.CREATED_AT);
  }

  @Test
  void aRepeatCarriesTheSameMessageId() throws Exception {
    EmailChannel channel =
        new EmailChannel(
            plain(SMTP.getSmtp().getPort(), Optional.empty(), Optional.empty()), TIMEOUT);
    Notification notification = Samples.email("i2", "r1", "jordan.lee@eastside.example");

    channel.deliver(notification);
    channel.deliver(notification);

    assertThat(SMTP.getReceivedMessages())
        .extracting(MimeMessage::getMessageID)
        .containsExactly("<i2/0/r1/EMAIL@library.example>", "<i2/0/r1/EMAIL@library.example>");
  }

  @Test
  void sendsOverImplicitTlsToATrustedHost() throws Exception {
    SmtpSettings tls =
        new SmtpSettings(
            "127.0.0.1",
            SMTPS.getSmtps().getPort(),
            SmtpSettings.Security.TLS,
            Optional.empty(),
            Optional.empty(),
            SENDER,
            "library.example",
            Optional.of("127.0.0.1"));

    DeliveryOutcome outcome =
        new EmailChannel(tls, TIMEOUT).deliver(Samples.email("i3", "r1", "sam@eastside.example"));

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
    assertThat(SMTPS.getReceivedMessages())
        .extracting(MimeMessage::getMessageID)
        .containsExactly("<i3/0/r1/EMAIL@library.example>");
  }

  @Test
  void anAddressThatIsNotOneFailsForGood() {
    EmailChannel channel =
        new EmailChannel(
            plain(SMTP.getSmtp().getPort(), Optional.empty(), Optional.empty()), TIMEOUT);

    DeliveryOutcome outcome = channel.deliver(Samples.email("i4", "r1", "jordan lee at eastside"));

    assertThat(outcome)
        .isEqualTo(
            new DeliveryOutcome.Failed(true, "not an email address: 'jordan lee at eastside'"));
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRefusedConnectionIsWorthAnotherTry() {
    EmailChannel channel =
        new EmailChannel(
            plain(RecordingHttpServer.closedPort(), Optional.empty(), Optional.empty()), TIMEOUT);

    DeliveryOutcome outcome = channel.deliver(Samples.email("i5", "r1", "sam@eastside.example"));

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
    assertThat(((DeliveryOutcome.Failed) outcome).permanent()).isFalse();
    assertThat(((DeliveryOutcome.Failed) outcome).reason()).startsWith("SMTP connection refused");
  }

  @Test
  void aWrongPasswordIsWorthAnotherTryAndIsNeverReported() {
    EmailChannel channel =
        new EmailChannel(
            plain(
                SMTP.getSmtp().getPort(),
                Optional.of(SENDER),
                Optional.of(new Secret("wrong-password"))),
            TIMEOUT);

    DeliveryOutcome outcome = channel.deliver(Samples.email("i6", "r1", "sam@eastside.example"));

    assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed(false, "SMTP authentication failed"));
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void messageIdsKeepDistinctIdsDistinct() {
    assertThat(EmailChannel.messageId("i1/0/r1/EMAIL", "x.example"))
        .isEqualTo("<i1/0/r1/EMAIL@x.example>");
    assertThat(EmailChannel.messageId("a b@c.d", "x.example"))
        .isEqualTo("<a=20b=40c=2Ed@x.example>");
    assertThat(EmailChannel.messageId("a=20b", "x.example"))
        .isNotEqualTo(EmailChannel.messageId("a b", "x.example"));
  }
}
