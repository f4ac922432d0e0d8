package org.librarycampaign.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.mail.SmtpSettings;

/**
 * The weekly report's settings, all under {@code campaign.report.}:
 *
 * @param zone {@code zone}: the time zone of a branch that has none of its own (default UTC)
 * @param sendTime {@code send-time}: the local time on Monday the report goes out (default 08:00)
 * @param checkInterval {@code check-interval}: how often the service looks whether a report is due
 *     (default 1m)
 * @param keep {@code keep}: how long lines are kept for reports (default 70 days: ten weeks)
 * @param contacts {@code contacts.<branchId>}: comma-separated e-mail addresses of a branch's
 *     report contacts ({@code contacts.*}: every branch without its own)
 * @param smtp {@code smtp.*} as the dispatcher's ({@code host}, {@code port}, {@code security},
 *     {@code username}, {@code password}, {@code from}); when {@code campaign.report.smtp.host} is
 *     not set, the dispatcher's {@code campaign.dispatcher.smtp.*} server; when neither is set, the
 *     outbox
 * @param outboxDirectory {@code outbox-dir}: where reports go without SMTP (default {@code <data
 *     dir>/outbox-reports})
 */
public record ReportSettings(
    ZoneId zone,
    LocalTime sendTime,
    Duration checkInterval,
    Duration keep,
    Map<String, List<String>> contacts,
    Optional<SmtpSettings> smtp,
    Duration smtpTimeout,
    Path outboxDirectory) {

  public static final String PREFIX = "campaign.report.";
  public static final String ZONE = PREFIX + "zone";
  public static final String SEND_TIME = PREFIX + "send-time";
  public static final String CHECK_INTERVAL = PREFIX + "check-interval";
  public static final String KEEP = PREFIX + "keep";
  public static final String CONTACTS = PREFIX + "contacts.";
  public static final String OUTBOX_DIR = PREFIX + "outbox-dir";
  public static final String SMTP_TIMEOUT = PREFIX + "smtp.timeout";

  public ReportSettings {
    contacts = Map.copyOf(contacts);
    if (checkInterval.isNegative() || checkInterval.isZero()) {
      throw new IllegalArgumentException(CHECK_INTERVAL + " must be positive");
    }
    if (keep.compareTo(Duration.ofDays(14)) < 0) {
      throw new IllegalArgumentException(KEEP + " must be at least 14 days (two weeks)");
    }
  }

  public static ReportSettings from(CampaignConfig config) {
    Map<String, List<String>> contacts = new TreeMap<>();
    config
        .describe()
        .forEach(
            (key, value) -> {
              if (key.startsWith(CONTACTS) && key.length() > CONTACTS.length()) {
                contacts.put(
                    key.substring(CONTACTS.length()),
                    config.list(key, List.of()).stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList());
              }
            });
    String time = config.get(SEND_TIME, "08:00");
    LocalTime sendTime;
    try {
      sendTime = LocalTime.parse(time);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(SEND_TIME + " is a local time like 08:00, not " + time, e);
    }
    return new ReportSettings(
        config.zone(ZONE, ZoneId.of("UTC")),
        sendTime,
        config.duration(CHECK_INTERVAL, Duration.ofMinutes(1)),
        config.duration(KEEP, Duration.ofDays(70)),
        contacts,
        SmtpSettings.from(config, PREFIX)
            .or(() -> SmtpSettings.from(config, "campaign.dispatcher.")),
        config.duration(SMTP_TIMEOUT, Duration.ofSeconds(10)),
        config
            .get(OUTBOX_DIR)
            .map(Path::of)
            .orElseGet(() -> config.dataDir().resolve("outbox-reports")));
  }

  /** A branch's report contacts: its own, else those for every branch ({@code *}). */
  public List<String> contactsOf(String branchId) {
    return contacts.getOrDefault(branchId, contacts.getOrDefault("*", List.of()));
  }
}
