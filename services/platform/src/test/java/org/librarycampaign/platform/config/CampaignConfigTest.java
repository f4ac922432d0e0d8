package org.librarycampaign.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignConfigTest {

  @TempDir Path dir;

  @Test
  void defaultsDescribeALocalStack() {
    CampaignConfig config = CampaignConfig.load(Optional.empty(), Map.of(), Map.of());

    assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(config.registryUrl()).isEqualTo("http://localhost:8081/apis/ccompat/v7");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.autoRegisterSchemas()).isTrue();
    assertThat(config.dataDir()).isEqualTo(Path.of("campaign-data"));
    assertThat(config.applicationId("governance")).isEqualTo("campaign-governance");
  }

  @Test
  void fileOverridesDefaultsEnvironmentOverridesFileAndExplicitOverridesAll() throws IOException {
    Path file = dir.resolve("campaign.properties");
    Files.writeString(
        file,
        """
        bootstrap.servers=file-broker:9092
        campaign.registry.url=http://file-registry/apis/ccompat/v7
        campaign.http.port=9000
        linger.ms=5
        """);
    Map<String, String> environment =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "env-broker:9092",
            "CAMPAIGN_HTTP_PORT", "9100",
            "CAMPAIGN_REGISTRY_AUTO__REGISTER", "false",
            "PATH", "/usr/bin");
    Map<String, String> explicit = Map.of("bootstrap.servers", "flag-broker:9092");

    CampaignConfig config = CampaignConfig.load(Optional.of(file), environment, explicit);

    assertThat(config.bootstrapServers()).isEqualTo("flag-broker:9092");
    assertThat(config.httpPort()).isEqualTo(9100);
    assertThat(config.registryUrl()).isEqualTo("http://file-registry/apis/ccompat/v7");
    assertThat(config.autoRegisterSchemas()).isFalse();
    assertThat(config.kafkaProperties())
        .containsEntry("linger.ms", "5")
        .containsEntry("bootstrap.servers", "flag-broker:9092")
        .doesNotContainKeys("campaign.http.port", "PATH", "path");
  }

  @Test
  void kafkaLauncherVariablesAreNotClientProperties() {
    Map<String, String> environment =
        Map.ofEntries(
            Map.entry("KAFKA_BOOTSTRAP_SERVERS", "env-broker:9092"),
            Map.entry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
            Map.entry("KAFKA_OPTS", "-Djava.security.auth.login.config=/etc/jaas.conf"),
            Map.entry("KAFKA_HEAP_OPTS", "-Xmx1G"),
            Map.entry("KAFKA_JMX_OPTS", "-Dcom.sun.management.jmxremote"),
            Map.entry("KAFKA_LOG4J_OPTS", "-Dlog4j2.configurationFile=log4j2.yaml"),
            Map.entry("KAFKA_GC_LOG_OPTS", "-Xlog:gc*"),
            Map.entry("KAFKA_JVM_PERFORMANCE_OPTS", "-XX:+UseG1GC"),
            Map.entry("KAFKA_DEBUG", "y"),
            Map.entry("KAFKA_HOME", "/opt/kafka"));

    CampaignConfig config = CampaignConfig.load(Optional.empty(), environment, Map.of());

    assertThat(config.kafkaProperties())
        .containsEntry("bootstrap.servers", "env-broker:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .doesNotContainKeys(
            "opts", "heap.opts", "jmx.opts", "log4j.opts", "gc.log.opts", "jvm.performance.opts")
        .doesNotContainKeys("debug", "home");
  }

  @Test
  void configFileCanBeNamedByTheEnvironment() throws IOException {
    Path file = dir.resolve("from-env.properties");
    Files.writeString(file, "campaign.topic.prefix=tenant-a.\n");

    CampaignConfig config =
        CampaignConfig.load(
            Optional.empty(), Map.of("CAMPAIGN_CONFIG_FILE", file.toString()), Map.of());

    assertThat(config.topicPrefix()).isEqualTo("tenant-a.");
  }

  @Test
  void secretsAreMaskedWhenDescribed() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                "sasl.jaas.config", "org.apache...PlainLoginModule password=\"hunter2\";",
                "campaign.dispatcher.smtp.password", "hunter2",
                "campaign.webhook.secret", "s3cr3t"));

    assertThat(config.describe())
        .containsEntry("sasl.jaas.config", "******")
        .containsEntry("campaign.dispatcher.smtp.password", "******")
        .containsEntry("campaign.webhook.secret", "******");
    assertThat(config.toString()).doesNotContain("hunter2", "s3cr3t");
  }

  @Test
  void badNumbersAndDurationsNameTheKey() {
    CampaignConfig config = CampaignConfig.of(Map.of("campaign.http.port", "eighty"));

    assertThatThrownBy(config::httpPort)
        .hasMessageContaining("campaign.http.port")
        .hasMessageContaining("eighty");
    assertThatThrownBy(() -> CampaignConfig.parseDuration("soon"))
        .hasMessageContaining("'soon' is not a duration");
  }

  @Test
  void durationsInShortOrIsoForm() {
    assertThat(CampaignConfig.parseDuration("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(CampaignConfig.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(CampaignConfig.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(CampaignConfig.parseDuration("PT1H")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void typedSettingsFallBackWhenAbsentOrBlank() {
    CampaignConfig config = CampaignConfig.of(Map.of("campaign.some.list", " "));

    assertThat(config.intValue("campaign.some.count", 3)).isEqualTo(3);
    assertThat(config.doubleValue("campaign.some.ratio", 0.5)).isEqualTo(0.5);
    assertThat(config.booleanValue("campaign.some.flag", true)).isTrue();
    assertThat(config.duration("campaign.some.delay", Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(config.list("campaign.some.list", List.of("a"))).containsExactly("a");
    assertThat(config.zone("campaign.some.zone", ZoneOffset.UTC)).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void typedSettingsReadTheirValues() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                "campaign.some.count", " 7 ",
                "campaign.some.ratio", "1.5",
                "campaign.some.flag", "FALSE",
                "campaign.some.delay", "250ms",
                "campaign.some.list", "sign, vote,, learn more ",
                "campaign.some.zone", "America/Chicago"));

    assertThat(config.intValue("campaign.some.count", 3)).isEqualTo(7);
    assertThat(config.doubleValue("campaign.some.ratio", 0.5)).isEqualTo(1.5);
    assertThat(config.booleanValue("campaign.some.flag", true)).isFalse();
    assertThat(config.duration("campaign.some.delay", Duration.ZERO))
        .isEqualTo(Duration.ofMillis(250));
    assertThat(config.list("campaign.some.list", List.of()))
        .containsExactly("sign", "vote", "learn more");
    assertThat(config.zone("campaign.some.zone", ZoneOffset.UTC))
        .isEqualTo(ZoneId.of("America/Chicago"));
  }

  @Test
  void aBadTypedSettingNamesTheKeyAndTheValue() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                "campaign.some.count", "many",
                "campaign.some.ratio", "half",
                "campaign.some.flag", "yes",
                "campaign.some.delay", "soon",
                "campaign.some.zone", "Mars/Olympus"));

    assertThatThrownBy(() -> config.intValue("campaign.some.count", 3))
        .hasMessage("campaign.some.count must be a whole number, got 'many'");
    assertThatThrownBy(() -> config.doubleValue("campaign.some.ratio", 0.5))
        .hasMessage("campaign.some.ratio must be a number, got 'half'");
    assertThatThrownBy(() -> config.booleanValue("campaign.some.flag", true))
        .hasMessage("campaign.some.flag must be true or false, got 'yes'");
    assertThatThrownBy(() -> config.duration("campaign.some.delay", Duration.ZERO))
        .hasMessage(
            "campaign.some.delay must be a duration such as 5s, 250ms, 2m or PT1H, got 'soon'");
    assertThatThrownBy(() -> config.zone("campaign.some.zone", ZoneOffset.UTC))
        .hasMessage(
            "campaign.some.zone must be a time zone such as UTC or Europe/Paris, got"
                + " 'Mars/Olympus'");
  }
}
