package org.librarycampaign.report.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.librarycampaign.platform.mail.SmtpMail;
import org.librarycampaign.platform.mail.SmtpSettings;
import org.librarycampaign.report.week.ReportText;
import org.librarycampaign.report.week.WeeklyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report as a multipart/alternative e-mail (plain text, then HTML with the balance chart) over
 * SMTP. Its Message-ID is derived from the branch and week ({@link ReportMailer#reportId}).
 */
public final class SmtpReportMailer implements ReportMailer {

  private static final Logger LOGGER = LoggerFactory.getLogger(SmtpReportMailer.class);

  private final SmtpMail mail;
  private final Supplier<Instant> clock;

  public SmtpReportMailer(SmtpSettings settings, Duration timeout, Supplier<Instant> clock) {
    this.mail = new SmtpMail(settings, timeout);
    this.clock = clock;
  }

  /** The message, as it is sent (also what the outbox writes). */
  static MimeMessage message(
      SmtpMail mail, WeeklyReport report, List<InternetAddress> to, Instant date)
      throws MessagingException {
    MimeMessage message = mail.message(ReportMailer.reportId(report));
    message.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
    message.setSubject(ReportText.subject(report), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(date));
    message.setHeader("X-Campaign-Report", ReportMailer.reportId(report));
    MimeBodyPart text = new MimeBodyPart();
    text.setText(ReportText.text(report), StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(ReportText.html(report), "text/html; charset=UTF-8");
    message.setContent(new MimeMultipart("alternative", text, html));
    return message;
  }

  /** The addresses that are valid; the others are logged and left out. */
  static List<InternetAddress> addresses(List<String> to, String branchId) {
    List<InternetAddress> valid = new ArrayList<>();
    for (String address : to) {
      try {
        InternetAddress parsed = new InternetAddress(address, true);
        parsed.validate();
        valid.add(parsed);
      } catch (AddressException e) {
        LOGGER
            .atWarn()
            .addKeyValue("branchId", branchId)
            .addKeyValue("address", address)
            .log("A report contact is not an e-mail address; left out");
      }
    }
    return valid;
  }

  @Override
  public Outcome send(WeeklyReport report, List<String> to) {
    List<InternetAddress> recipients = addresses(to, report.branchId());
    if (recipients.isEmpty()) {
      return Outcome.REFUSED;
    }
    try {
      mail.send(message(mail, report, recipients, clock.get()));
      return Outcome.SENT;
    } catch (SMTPSendFailedException e) {
      return e.getReturnCode() >= 500 ? refused(report, e) : tryAgain(report, e);
    } catch (SendFailedException e) {
      return refused(report, e);
    } catch (MessagingException e) {
      return tryAgain(report, e);
    }
  }

  private static Outcome refused(WeeklyReport report, Exception e) {
    LOGGER
        .atError()
        .addKeyValue("branchId", report.branchId())
        .addKeyValue("week", report.week())
        .addKeyValue("error", e.getMessage())
        .log("The SMTP server refused the weekly report");
    return Outcome.REFUSED;
  }

  private static Outcome tryAgain(WeeklyReport report, Exception e) {
    LOGGER
        .atWarn()
        .addKeyValue("branchId", report.branchId())
        .addKeyValue("week", report.week())
        .addKeyValue("error", e.getMessage())
        .log("Could not send the weekly report now; trying again");
    return Outcome.TRY_AGAIN;
  }
}
