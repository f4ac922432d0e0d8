package org.librarycampaign.report.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.mail.SmtpSettings;
import org.librarycampaign.report.week.IsoWeek;
import org.librarycampaign.report.week.ReportLines.DecisionLine;
import org.librarycampaign.report.week.ReportLines.IncidentLine;
import org.librarycampaign.report.week.WeeklyReport;

/** The report e-mail as a real SMTP server (GreenMail) receives it, and as the outbox keeps it. */
class ReportMailersTest {

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final Instant SENT_AT = Instant.parse("2026-12-07T14:00:00Z");

  private static WeeklyReport report() {
    IsoWeek week = IsoWeek.parse("2026-W49");
    var content =
        new DecisionLine(
            "p1",
            1,
            "eastside",
            "eastside/FACEBOOK",
            "CONTENT",
            "APPROVED",
            false,
            List.of(),
            Instant.parse("2026-12-01T16:00:00Z"),
            0,
            0,
            week.start(CHICAGO),
            Instant.parse("2026-11-27T10:00:00Z"));
    var held =
        new DecisionLine(
            "p2",
            1,
            "eastside",
            "eastside/FACEBOOK",
            "CAMPAIGN",
            "HELD",
            false,
            List.of("RATIO_LIMIT"),
            Instant.parse("2026-12-02T16:00:00Z"),
            0,
            0,
            week.start(CHICAGO),
            Instant.parse("2026-11-27T11:00:00Z"));
    var incident =
        new IncidentLine(
            "i1",
            "eastside",
            "HIGH",
            "Book challenge.",
            "RESOLVED",
            "Sam Okafor",
            Instant.parse("2026-12-03T15:00:00Z"),
            Instant.parse("2026-12-03T15:12:00Z"),
            Instant.parse("2026-12-03T18:30:00Z"));
    return WeeklyReport.of(
        "eastside", week, CHICAGO, List.of(content, held), List.of(), List.of(), List.of(incident));
  }

  private static SmtpSettings server() {
    return new SmtpSettings(
        "127.0.0.1",
        SMTP.getSmtp().getPort(),
        SmtpSettings.Security.NONE,
        Optional.empty(),
        Optional.empty(),
        "Library campaign <campaign@library.example>",
        "library.example",
        Optional.empty());
  }

  @Test
  void theEmailHasATextAndAnHtmlPartAndAMessageIdOfItsBranchAndWeek() throws Exception {
    var mailer = new SmtpReportMailer(server(), Duration.ofSeconds(5), () -> SENT_AT);

    var outcome = mailer.send(report(), List.of("director@eastside.example", "not an address"));

    assertThat(outcome).isEqualTo(ReportMailer.Outcome.SENT);
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getMessageID()).isEqualTo("<report/eastside/2026-W49@library.example>");
    assertThat(mail.getSubject())
        .isEqualTo(
            "Weekly campaign report for eastside, 2026-W49 (Mon 30 Nov 2026 to Sun 6 Dec 2026)");
    assertThat(mail.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("director@eastside.example");
    assertThat(mail.getSentDate().toInstant()).isEqualTo(SENT_AT);
    Multipart parts = (Multipart) mail.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(text)
        .contains("eastside/FACEBOOK: 1 content, 0 campaign (room for 0): balance kept")
        .contains("1 approved", "1 held", "Why not approved: RATIO_LIMIT ×1")
        .contains(
            "i1 (HIGH): Book challenge. Reported Thu 3 Dec, 09:00 CST; acknowledged after 12 min"
                + " by Sam Okafor; resolved after 3 h 30 min.");
    assertThat(html).contains("background:#2b6cb0;width:240px").contains("<h2");
    assertThat(text).doesNotContain("UTC");
  }

  @Test
  void noValidAddressIsRefusedWithoutSending() {
    var mailer = new SmtpReportMailer(server(), Duration.ofSeconds(5), () -> SENT_AT);

    assertThat(mailer.send(report(), List.of("nobody"))).isEqualTo(ReportMailer.Outcome.REFUSED);
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void anSmtpServerThatCannotBeReachedIsTriedAgainLater() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SmtpSettings down =
        new SmtpSettings(
            "127.0.0.1",
            closedPort,
            SmtpSettings.Security.NONE,
            Optional.empty(),
            Optional.empty(),
            "campaign@library.example",
            "library.example",
            Optional.empty());
    var mailer = new SmtpReportMailer(down, Duration.ofSeconds(2), () -> SENT_AT);

    assertThat(mailer.send(report(), List.of("director@eastside.example")))
        .isEqualTo(ReportMailer.Outcome.TRY_AGAIN);
  }

  @Test
  void theOutboxKeepsTheSameMessageOnceAsAnEmlFile(@TempDir Path dir) throws Exception {
    var outbox = new OutboxReportMailer(dir.resolve("outbox-reports"), () -> SENT_AT);

    assertThat(outbox.send(report(), List.of("director@eastside.example")))
        .isEqualTo(ReportMailer.Outcome.SENT);
    assertThat(outbox.send(report(), List.of("director@eastside.example")))
        .isEqualTo(ReportMailer.Outcome.SENT);

    assertThat(outbox.files()).containsExactly(outbox.fileOf("eastside", "2026-W49"));
    try (InputStream in = Files.newInputStream(outbox.fileOf("eastside", "2026-W49"))) {
      MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
      assertThat(read.getMessageID()).isEqualTo("<report/eastside/2026-W49@localhost>");
      assertThat(((Multipart) read.getContent()).getCount()).isEqualTo(2);
    }
  }
}
