package org.librarycampaign.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
}
