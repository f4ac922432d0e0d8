package org.librarycampaign.dispatcher.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import library.campaign.events.ContactChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.dispatcher.Samples;

class OutboxTest {

  @TempDir Path dir;

  @Test
  void writesOneLabelledFilePerNotification() throws Exception {
    Outbox outbox = new Outbox(dir);
    Channel channel = outbox.channel("EMAIL has no configuration", MessageText::body);

    DeliveryOutcome outcome = channel.deliver(Samples.email("i1", "r1", "sam@eastside.example"));

    Path file = dir.resolve("EMAIL").resolve("i1%2F0%2Fr1%2FEMAIL.json");
    assertThat(outcome)
        .isEqualTo(
            new DeliveryOutcome.Delivered(
                true,
                "written to the local outbox (EMAIL/i1%2F0%2Fr1%2FEMAIL.json): "
                    + "EMAIL has no configuration"));
    JsonNode entry = new ObjectMapper().readTree(file.toFile());
    assertThat(entry.path("outbox").asText()).isEqualTo("NOT SENT: EMAIL has no configuration");
    assertThat(entry.path("notificationId").asText()).isEqualTo("i1/0/r1/EMAIL");
    assertThat(entry.path("address").asText()).isEqualTo("sam@eastside.example");
    assertThat(entry.path("text").asText()).startsWith("A challenge to 'Gender Queer'");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aRepeatOverwritesAndEntriesListEveryNotificationOnce() {
    Outbox outbox = new Outbox(dir);
    Channel sms = outbox.channel("SMS has no configuration", MessageText::sms);
    Channel hook = outbox.channel("WEBHOOK has no configuration", MessageText::chat);

    sms.deliver(Samples.notification("i1", "r2", ContactChannel.SMS, "+15550102030"));
    hook.deliver(Samples.webhook("i1", "r1", "https://hooks.example/x"));
    sms.deliver(Samples.notification("i1", "r2", ContactChannel.SMS, "+15550102030"));

    List<JsonNode> entries = outbox.entries();
    assertThat(entries)
        .extracting(e -> e.path("notificationId").asText())
        .containsExactly("i1/0/r1/WEBHOOK", "i1/0/r2/SMS");
  }

  @Test
  void fileNamesAreSafeAndDistinct() {
    assertThat(Outbox.fileName("i1/0/r1/EMAIL")).isEqualTo("i1%2F0%2Fr1%2FEMAIL");
    assertThat(Outbox.fileName("../etc")).isEqualTo("%2E%2E%2Fetc");
    assertThat(Outbox.fileName("a%2Fb")).isNotEqualTo(Outbox.fileName("a/b"));
  }

  @Test
  void anEmptyOutboxHasNoEntries() {
    assertThat(new Outbox(dir.resolve("missing")).entries()).isEmpty();
  }
}
