package org.librarycampaign.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import library.campaign.events.ContactChannel;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.Notification;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.dispatcher.channel.Channel;
import org.librarycampaign.dispatcher.channel.Channels;
import org.librarycampaign.dispatcher.channel.DeliveryOutcome;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.retry.RetryPolicy;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;

class DispatcherTopologyTest {

  private static final Instant START = Instant.parse("2026-12-01T15:00:00Z");
  private static final String BAD_HOOK = "https://hooks.example/dead";
  private static final String GONE_HOOK = "https://hooks.example/gone";
  private static final RetryPolicy RETRY =
      new RetryPolicy(3, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1), 0.0);

  @TempDir Path dir;

  private final ScriptedChannel peer = new ScriptedChannel();
  private TopologyTestDriver driver;
  private TopicCatalogue catalogue;
  private TestInputTopic<String, Notification> notifications;
  private TestOutputTopic<String, DeliveryReceipt> receipts;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void start() {
    start(settings(RETRY), channelsAll(peer));
  }

  private void start(DispatcherSettings settings, Channels channels) {
    if (driver != null) {
      driver.close();
    }
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR, dir.resolve("state").toString(),
                CampaignConfig.DATA_DIR, dir.toString()));
    catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    driver =
        new TopologyTestDriver(
            DispatcherTopology.buildTopology(
                config, catalogue, settings, () -> new InlineDeliverer(channels)),
            StreamsSettings.forService(config, DispatcherService.NAME, catalogue),
            START);
    notifications =
        driver.createInputTopic(
            catalogue.notifications().name(),
            new StringSerializer(),
            catalogue.notifications().valueSerde().serializer());
    receipts =
        driver.createOutputTopic(
            catalogue.notificationReceipts().name(),
            new StringDeserializer(),
            catalogue.notificationReceipts().valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            catalogue.deadLetters().name(),
            new StringDeserializer(),
            catalogue.deadLetters().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private DispatcherSettings settings(RetryPolicy retry) {
    return new DispatcherSettings(
        retry,
        2,
        Duration.ofMillis(200),
        Duration.ofSeconds(1),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        dir.resolve("outbox"));
  }

  private static Channels channelsAll(Channel channel) {
    Map<ContactChannel, Channel> all = new EnumMap<>(ContactChannel.class);
    all.put(ContactChannel.EMAIL, channel);
    all.put(ContactChannel.WEBHOOK, channel);
    all.put(ContactChannel.SMS, channel);
    return new Channels(all);
  }

  private void send(Notification notification) {
    notifications.pipeInput(notification.getNotificationId(), notification, START);
  }

  private void advance(Duration step) {
    driver.advanceWallClockTime(step);
  }

  private static DeliveryReceipt receipt(
      Notification n,
      DeliveryStatus status,
      int attempt,
      Instant next,
      String reason,
      boolean outbox,
      Instant at) {
    return DeliveryReceipt.newBuilder()
        .setNotificationId(n.getNotificationId())
        .setStatus(status)
        .setChannel(n.getChannel())
        .setAttempt(attempt)
        .setNextAttemptAt(next)
        .setReason(reason)
        .setOutbox(outbox)
        .setAt(at)
        .build();
  }

  private static KeyValue<String, DeliveryReceipt> keyed(DeliveryReceipt receipt) {
    return KeyValue.pair(receipt.getNotificationId(), receipt);
  }

  @Test
  void aNotificationThatGoesThroughGetsOneDeliveredReceipt() {
    Notification email = Samples.email("i1", "r1", "sam@eastside.example");

    send(email);

    assertThat(receipts.readKeyValuesToList())
        .containsExactly(
            keyed(receipt(email, DeliveryStatus.DELIVERED, 1, null, null, false, START)));
    assertThat(receipts.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(peer.attempts()).containsExactly("i1/0/r1/EMAIL");
  }

  @Test
  void aFinishedReceiptIsForgottenAfterTheRetentionHorizon() {
    Notification email = Samples.email("i1", "r1", "sam@eastside.example");
    send(email);
    receipts.readKeyValuesToList();
    KeyValueStore<String, DeliveryReceipt> stored =
        driver.getKeyValueStore(DispatchProcessor.RECEIPTS_STORE);

    advance(Duration.ofDays(89));
    send(email);
    assertThat(receipts.isEmpty()).as("within 90 days a repeat is still a no-op").isTrue();
    assertThat(stored.get("i1/0/r1/EMAIL")).isNotNull();

    advance(Duration.ofDays(2));
    assertThat(stored.get("i1/0/r1/EMAIL")).isNull();
    assertThat(receipts.isEmpty()).as("forgetting writes nothing").isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(peer.attempts()).containsExactly("i1/0/r1/EMAIL");
  }

  @Test
  void transientFailuresAreRetriedWithBackoffUntilDelivered() {
    Notification hook = Samples.webhook("i1", "r1", BAD_HOOK);
    peer.answer(
        BAD_HOOK,
        new DeliveryOutcome.Failed(false, "HTTP 503"),
        new DeliveryOutcome.Failed(false, "timed out after 1000 ms"),
        new DeliveryOutcome.Delivered(false, null));

    send(hook);
    assertThat(receipts.readKeyValuesToList())
        .containsExactly(
            keyed(
                receipt(
                    hook,
                    DeliveryStatus.RETRYING,
                    1,
                    START.plusSeconds(10),
                    "HTTP 503",
                    false,
                    START)));

    advance(Duration.ofMillis(9_800));
    assertThat(receipts.isEmpty()).isTrue();

    advance(Duration.ofMillis(200));
    assertThat(receipts.readKeyValuesToList())
        .containsExactly(
            keyed(
                receipt(
                    hook,
                    DeliveryStatus.RETRYING,
                    2,
                    START.plusSeconds(30),
                    "timed out after 1000 ms",
                    false,
                    START.plusSeconds(10))));

    advance(Duration.ofSeconds(20));
    assertThat(receipts.readKeyValuesToList())
        .containsExactly(
            keyed(
                receipt(
                    hook, DeliveryStatus.DELIVERED, 3, null, null, false, START.plusSeconds(30))));
    assertThat(receipts.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(peer.attempts()).hasSize(3);
  }

  @Test
  void afterTheLastAttemptItFailsWithADeadLetter() {
    Notification hook = Samples.webhook("i1", "r1", BAD_HOOK);
    peer.answer(BAD_HOOK, new DeliveryOutcome.Failed(false, "HTTP 503"));

    send(hook);
    advance(Duration.ofSeconds(10));
    advance(Duration.ofSeconds(20));
    advance(Duration.ofMinutes(10));

    assertThat(receipts.readKeyValuesToList())
        .containsExactly(
            keyed(
                receipt(
                    hook,
                    DeliveryStatus.RETRYING,
                    1,
                    START.plusSeconds(10),
                    "HTTP 503",
                    false,
                    START)),
            keyed(
                receipt(
                    hook,
                    DeliveryStatus.RETRYING,
                    2,
                    START.plusSeconds(30),
                    "HTTP 503",
                    false,
                    START.plusSeconds(10))),
            keyed(
                receipt(
                    hook,
                    DeliveryStatus.FAILED,
                    3,
                    null,
                    "gave up after 3 attempts: HTTP 503",
                    false,
                    START.plusSeconds(30))));
    assertThat(receipts.isEmpty()).isTrue();
    assertDeadLetter(hook, "gave up after 3 attempts: HTTP 503");
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(peer.attempts()).hasSize(3);
  }

  @Test
  void aPermanentFailureFailsAtOnceWithADeadLetter() {
    Notification hook = Samples.webhook("i1", "r1", GONE_HOOK);
    peer.answer(GONE_HOOK, new DeliveryOutcome.Failed(true, "HTTP 410"));

    send(hook);
    advance(Duration.ofMinutes(10));

    assertThat(receipts.readKeyValuesToList())
        .containsExactly(
            keyed(
                receipt(
                    hook,
                    DeliveryStatus.FAILED,
                    1,
                    null,
                    "permanent failure: HTTP 410",
                    false,
                    START)));
    assertThat(receipts.isEmpty()).isTrue();
    assertDeadLetter(hook, "permanent failure: HTTP 410");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  private void assertDeadLetter(Notification notification, String reason) {
    TestRecord<String, DeadLetter> record = deadLetters.readRecord();
    assertThat(record.key()).isEqualTo(notification.getNotificationId());
    DeadLetter letter = record.value();
    assertThat(letter.getSourceTopic()).isEqualTo(catalogue.notifications().name());
    assertThat(letter.getPartition()).isZero();
    assertThat(letter.getStage()).isEqualTo(DeadLetterStage.DELIVERY);
    assertThat(letter.getApplicationId()).isEqualTo("campaign-dispatcher");
    assertThat(letter.getErrorClass()).isEqualTo(DeliveryFailedException.class.getName());
    assertThat(letter.getErrorMessage())
        .isEqualTo(
            notification.getChannel()
                + " notification "
                + notification.getNotificationId()
                + " failed: "
                + reason);
    assertThat(StandardCharsets.UTF_8.decode(letter.getKey()).toString())
        .isEqualTo(notification.getNotificationId());
    byte[] original = new byte[letter.getValue().remaining()];
    letter.getValue().get(original);
    assertThat(
            catalogue
                .notifications()
                .valueSerde()
                .deserializer()
                .deserialize(catalogue.notifications().name(), original))
        .isEqualTo(notification);
    assertThat(new String(record.headers().lastHeader(DeadLetters.HEADER_STAGE).value()))
        .isEqualTo("DELIVERY");
  }

  @Test
  void aDeadAddressDoesNotHoldBackTheOthers() {
    Notification dead = Samples.webhook("i1", "r0", BAD_HOOK);
    peer.answer(BAD_HOOK, new DeliveryOutcome.Failed(false, "HTTP 503"));
    Notification first = Samples.email("i1", "r1", "a@eastside.example");
    Notification second = Samples.email("i1", "r2", "b@eastside.example");
    Notification third = Samples.webhook("i1", "r3", "https://hooks.example/ok");

    send(dead);
    send(first);
    advance(Duration.ofSeconds(5));
    send(second);
    send(third);

    assertThat(receipts.readKeyValuesToList())
        .containsExactly(
            keyed(
                receipt(
                    dead,
                    DeliveryStatus.RETRYING,
                    1,
                    START.plusSeconds(10),
                    "HTTP 503",
                    false,
                    START)),
            keyed(receipt(first, DeliveryStatus.DELIVERED, 1, null, null, false, START)),
            keyed(
                receipt(
                    second, DeliveryStatus.DELIVERED, 1, null, null, false, START.plusSeconds(5))),
            keyed(
                receipt(
                    third, DeliveryStatus.DELIVERED, 1, null, null, false, START.plusSeconds(5))));
    assertThat(receipts.isEmpty()).isTrue();
  }

  @Test
  void aNotificationReadAgainAfterItsFinalReceiptIsNotSentAgain() {
    Notification email = Samples.email("i1", "r1", "sam@eastside.example");
    Notification gone = Samples.webhook("i1", "r2", GONE_HOOK);
    peer.answer(GONE_HOOK, new DeliveryOutcome.Failed(true, "HTTP 410"));
    send(email);
    send(gone);
    receipts.readKeyValuesToList();
    deadLetters.readKeyValuesToList();

    send(email);
    send(gone);
    advance(Duration.ofMinutes(5));

    assertThat(receipts.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(peer.attempts()).containsExactly("i1/0/r1/EMAIL", "i1/0/r2/WEBHOOK");
  }

  @Test
  void aNotificationReadAgainWhileWaitingToRetryKeepsItsSchedule() {
    Notification hook = Samples.webhook("i1", "r1", BAD_HOOK);
    peer.answer(
        BAD_HOOK,
        new DeliveryOutcome.Failed(false, "HTTP 503"),
        new DeliveryOutcome.Delivered(false, null));
    send(hook);
    receipts.readKeyValuesToList();

    send(hook);
    advance(Duration.ofSeconds(10));

    assertThat(receipts.readKeyValuesToList())
        .containsExactly(
            keyed(
                receipt(
                    hook, DeliveryStatus.DELIVERED, 2, null, null, false, START.plusSeconds(10))));
    assertThat(receipts.isEmpty()).isTrue();
    assertThat(peer.attempts()).hasSize(2);
  }

  @Test
  void jitterSpreadsTheRetriesOfNotificationsThatFailedTogether() {
    RetryPolicy jittered =
        new RetryPolicy(3, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1), 0.5);
    start(settings(jittered), channelsAll(peer));
    peer.answer(BAD_HOOK, new DeliveryOutcome.Failed(false, "HTTP 503"));
    Notification one = Samples.webhook("i1", "r1", BAD_HOOK);
    Notification two = Samples.webhook("i1", "r2", BAD_HOOK);

    send(one);
    send(two);

    assertThat(receipts.readValuesToList())
        .extracting(DeliveryReceipt::getNextAttemptAt)
        .containsExactly(
            START.plus(jittered.backoff(1, one.getNotificationId())),
            START.plus(jittered.backoff(1, two.getNotificationId())))
        .doesNotHaveDuplicates()
        .allSatisfy(at -> assertThat(at).isBetween(START.plusSeconds(5), START.plusSeconds(15)));
  }

  @Test
  void anUnconfiguredChannelWritesToTheOutboxAndSaysSo() {
    DispatcherSettings unconfigured = settings(RETRY);
    start(unconfigured, unconfigured.channels());
    Notification email = Samples.email("i1", "r1", "sam@eastside.example");

    send(email);

    assertThat(receipts.readKeyValuesToList())
        .containsExactly(
            keyed(
                receipt(
                    email,
                    DeliveryStatus.DELIVERED,
                    1,
                    null,
                    "written to the local outbox (EMAIL/i1%2F0%2Fr1%2FEMAIL.json): "
                        + "EMAIL has no configuration (set campaign.dispatcher.smtp.host)",
                    true,
                    START)));
    assertThat(receipts.isEmpty()).isTrue();
    assertThat(dir.resolve("outbox/EMAIL/i1%2F0%2Fr1%2FEMAIL.json")).isRegularFile();
  }
}
