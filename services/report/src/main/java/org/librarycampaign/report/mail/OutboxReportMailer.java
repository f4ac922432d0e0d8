package org.librarycampaign.report.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.librarycampaign.platform.mail.SmtpMail;
import org.librarycampaign.platform.mail.SmtpSettings;
import org.librarycampaign.report.week.WeeklyReport;

/**
 * Without an SMTP server, each report is written to {@code <dir>/<branch>-<week>.eml} (the very
 * message that would have been sent; a mail client opens it). Writing the same report again
 * replaces the file.
 */
public final class OutboxReportMailer implements ReportMailer {

  private final Path directory;
  private final SmtpMail mail;
  private final Supplier<Instant> clock;

  public OutboxReportMailer(Path directory, Supplier<Instant> clock) {
    this.directory = directory;
    this.clock = clock;
    // a session that is never connected: it only builds the message
    this.mail =
        new SmtpMail(
            new SmtpSettings(
                "localhost",
                25,
                SmtpSettings.Security.NONE,
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                SmtpSettings.DEFAULT_FROM,
                "localhost",
                java.util.Optional.empty()),
            Duration.ofSeconds(1));
  }

  public Path directory() {
    return directory;
  }

  /** The file a report goes to. */
  public Path fileOf(String branchId, String week) {
    return directory.resolve(safe(branchId) + "-" + week + ".eml");
  }

  @Override
  public Outcome send(WeeklyReport report, List<String> to) {
    List<InternetAddress> recipients = SmtpReportMailer.addresses(to, report.branchId());
    if (recipients.isEmpty()) {
      return Outcome.REFUSED;
    }
    try {
      Files.createDirectories(directory);
      Path file = fileOf(report.branchId(), report.week().toString());
      Path partial = Files.createTempFile(directory, "report", ".part");
      try (OutputStream out = Files.newOutputStream(partial)) {
        SmtpReportMailer.message(mail, report, recipients, clock.get()).writeTo(out);
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return Outcome.SENT;
    } catch (IOException | MessagingException e) {
      return Outcome.TRY_AGAIN;
    }
  }

  /** The reports in the outbox, oldest name first. */
  public List<Path> files() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String safe(String branchId) {
    return branchId.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
