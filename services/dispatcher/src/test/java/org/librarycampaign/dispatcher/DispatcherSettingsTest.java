package org.librarycampaign.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dispatcher.channel.SmsSettings;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.mail.SmtpSettings;
import org.librarycampaign.platform.retry.RetryPolicy;

class DispatcherSettingsTest {

  @Test
  void withNothingSetEveryChannelGoesToTheOutboxUnderTheDataDirectory() {
    DispatcherSettings settings =
        DispatcherSettings.from(CampaignConfig.of(Map.of(CampaignConfig.DATA_DIR, "/srv/data")));

    assertThat(settings.retry())
        .isEqualTo(new RetryPolicy(6, Duration.ofSeconds(5), 2.0, Duration.ofMinutes(10), 0.25));
    assertThat(settings.threadsPerPartition()).isEqualTo(2);
    assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(200));
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.smtp()).isEmpty();
    assertThat(settings.webhookSecret()).isEmpty();
    assertThat(settings.sms()).isEmpty();
    assertThat(settings.outboxDirectory()).isEqualTo(Path.of("/srv/data/outbox"));
  }

  @Test
  void readsEveryKeyFromTheEnvironmentToo() {
    CampaignConfig config =
        CampaignConfig.load(
            Optional.empty(),
            Map.ofEntries(
                Map.entry("CAMPAIGN_DISPATCHER_RETRY_MAX__ATTEMPTS", "4"),
                Map.entry("CAMPAIGN_DISPATCHER_RETRY_INITIAL__BACKOFF", "250ms"),
                Map.entry("CAMPAIGN_DISPATCHER_RETRY_MULTIPLIER", "3"),
                Map.entry("CAMPAIGN_DISPATCHER_RETRY_MAX__BACKOFF", "1m"),
                Map.entry("CAMPAIGN_DISPATCHER_RETRY_JITTER", "0.1"),
                Map.entry("CAMPAIGN_DISPATCHER_THREADS", "3"),
                Map.entry("CAMPAIGN_DISPATCHER_TIMEOUT", "2s"),
                Map.entry("CAMPAIGN_DISPATCHER_SMTP_HOST", "smtp.library.example"),
                Map.entry("CAMPAIGN_DISPATCHER_SMTP_SECURITY", "tls"),
                Map.entry("CAMPAIGN_DISPATCHER_SMTP_USERNAME", "alerts"),
                Map.entry("CAMPAIGN_DISPATCHER_SMTP_PASSWORD", "mail-pass"),
                Map.entry("CAMPAIGN_DISPATCHER_SMTP_FROM", "Alerts <alerts@library.example>"),
                Map.entry("CAMPAIGN_DISPATCHER_WEBHOOK_SECRET", "hook-secret"),
                Map.entry("CAMPAIGN_DISPATCHER_SMS_URL", "https://sms.example/send"),
                Map.entry("CAMPAIGN_DISPATCHER_SMS_AUTH__TOKEN", "Bearer sms-token"),
                Map.entry("CAMPAIGN_DISPATCHER_SMS_FORMAT", "json")),
            Map.of());

    DispatcherSettings settings = DispatcherSettings.from(config);

    assertThat(settings.retry())
        .isEqualTo(new RetryPolicy(4, Duration.ofMillis(250), 3.0, Duration.ofMinutes(1), 0.1));
    assertThat(settings.threadsPerPartition()).isEqualTo(3);
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
    SmtpSettings smtp = settings.smtp().orElseThrow();
    assertThat(smtp.host()).isEqualTo("smtp.library.example");
    assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.TLS);
    assertThat(smtp.port()).isEqualTo(465);
    assertThat(smtp.username()).contains("alerts");
    assertThat(smtp.password().orElseThrow().reveal()).isEqualTo("mail-pass");
    assertThat(smtp.messageIdDomain()).isEqualTo("library.example");
    assertThat(settings.webhookSecret().orElseThrow().reveal()).isEqualTo("hook-secret");
    SmsSettings sms = settings.sms().orElseThrow();
    assertThat(sms.url()).isEqualTo(URI.create("https://sms.example/send"));
    assertThat(sms.authHeader()).isEqualTo("Authorization");
    assertThat(sms.format()).isEqualTo(SmsSettings.Format.JSON);
    assertThat(sms.template()).isEqualTo(SmsSettings.Format.JSON.defaultTemplate());
    assertThat(settings.toString())
        .doesNotContain("mail-pass")
        .doesNotContain("hook-secret")
        .doesNotContain("sms-token");
    assertThat(config.describe().values())
        .doesNotContain("mail-pass", "hook-secret", "Bearer sms-token");
  }

  @Test
  void theSmtpPortFollowsTheSecurityUnlessSet() {
    assertThat(smtpPort(Map.of())).isEqualTo(587);
    assertThat(smtpPort(Map.of(DispatcherSettings.SMTP_SECURITY, "none"))).isEqualTo(25);
    assertThat(smtpPort(Map.of(DispatcherSettings.SMTP_PORT, "2525"))).isEqualTo(2525);
  }

  private static int smtpPort(Map<String, String> extra) {
    Map<String, String> values = new java.util.HashMap<>(extra);
    values.put(DispatcherSettings.SMTP_HOST, "localhost");
    return DispatcherSettings.from(CampaignConfig.of(values)).smtp().orElseThrow().port();
  }

  @Test
  void badValuesAreRefusedWithTheKey() {
    assertThatThrownBy(
            () ->
                DispatcherSettings.from(
                    CampaignConfig.of(Map.of(DispatcherSettings.MULTIPLIER, "twice"))))
        .hasMessageContaining(DispatcherSettings.MULTIPLIER);
    assertThatThrownBy(
            () ->
                DispatcherSettings.from(
                    CampaignConfig.of(
                        Map.of(
                            DispatcherSettings.SMTP_HOST,
                            "x",
                            DispatcherSettings.SMTP_SECURITY,
                            "ssl"))))
        .hasMessageContaining("none, starttls or tls");
    assertThatThrownBy(
            () ->
                DispatcherSettings.from(CampaignConfig.of(Map.of(DispatcherSettings.THREADS, "0"))))
        .hasMessageContaining(DispatcherSettings.THREADS);
  }
}
