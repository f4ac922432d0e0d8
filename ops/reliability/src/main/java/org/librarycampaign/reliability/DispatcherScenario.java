package org.librarycampaign.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import library.campaign.events.ContactChannel;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import library.campaign.events.Recipient;
import library.campaign.events.Severity;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.librarycampaign.dispatcher.DispatcherService;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The dispatcher in a {@code campaign run} JVM, killed with kill -9 at random points while
 * notifications flow to a real webhook receiver: every notification arrives at least once, the
 * receiver's dedup by idempotency key acts on each exactly once, and every notification has exactly
 * one DELIVERED receipt.
 */
final class DispatcherScenario {

  record Size(int notifications, int perSecond, int kills, Duration settle) {}

  private DispatcherScenario() {}

  static Result run(Env base, Size size, long seed) throws Exception {
    Result result =
        new Result(
            "dispatcher",
            "the dispatcher in its own `campaign run` JVM, killed with kill -9 at random points"
                + " while notifications flow to a webhook receiver that drops repeats by"
                + " Idempotency-Key");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      Env env =
          base.with(
              Map.of(
                  "campaign.dispatcher.webhook.secret", "reliability-secret",
                  "campaign.dispatcher.poll-interval", "100ms"));
      TopicCatalogue catalogue = env.createTopics(Optional.empty());
      Topic<String, Notification> topic = catalogue.notifications();
      List<Notification> batch = new ArrayList<>();
      for (int i = 0; i < size.notifications(); i++) {
        batch.add(notification(i, receiver.url()));
      }
      Instance dispatcher =
          new Instance(DispatcherService.NAME, env, "reliability-dispatcher", Map.of());
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try (KafkaProducer<String, byte[]> producer = Topics.producer(env)) {
        Instance.startOneByOne(List.of(dispatcher), Duration.ofSeconds(240));
        Duration sending = Duration.ofMillis(1000L * size.notifications() / size.perSecond());
        Chaos chaos = new Chaos(seed);
        long started = System.nanoTime();
        Future<?> killer =
            threads.submit(chaos.killer(dispatcher, started, chaos.points(sending, size.kills())));
        for (int i = 0; i < batch.size(); i++) {
          long wait = started + (long) i * 1_000_000_000L / size.perSecond() - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          Notification n = batch.get(i);
          producer.send(
              new ProducerRecord<>(
                  topic.name(),
                  n.getNotificationId(),
                  topic.valueSerde().serializer().serialize(topic.name(), n)));
        }
        producer.flush();
        killer.get();
        result
            .figure("notifications", batch.size())
            .figure("seed", seed)
            .figure("kill -9", chaos.kills())
            .figure("kill to ready again (ms), min/median/max", chaos.spread());
        long settle = System.nanoTime();
        try {
          Awaitility.await("every notification delivered")
              .atMost(size.settle())
              .pollInterval(Duration.ofSeconds(2))
              .until(
                  () ->
                      delivered(env, catalogue).size() == batch.size()
                          && receiver.arrivals().size() == batch.size());
        } catch (ConditionTimeoutException e) {
          result.check(false, "everything delivered", "not after " + size.settle());
        }
        result.figure(
            "last notification to all delivered (s)", (System.nanoTime() - settle) / 1_000_000_000);
      } finally {
        dispatcher.stop();
        threads.shutdownNow();
      }
      Map<String, Long> delivered = delivered(env, catalogue);
      Map<String, Long> arrivals = receiver.arrivals();
      Set<String> ids =
          batch.stream().map(Notification::getNotificationId).collect(Collectors.toSet());
      Set<String> neverArrived = new TreeSet<>(ids);
      neverArrived.removeAll(arrivals.keySet());
      Set<String> noReceipt = new TreeSet<>(ids);
      noReceipt.removeAll(delivered.keySet());
      long requests = arrivals.values().stream().mapToLong(Long::longValue).sum();
      long repeated = arrivals.values().stream().filter(n -> n > 1).count();
      long duplicateReceipts = delivered.values().stream().mapToLong(n -> n - 1).sum();
      result
          .figure("webhook requests", requests)
          .figure("distinct idempotency keys received", arrivals.size())
          .figure("keys received more than once (sent again after a kill)", repeated)
          .figure("acted on after the receiver's dedup", receiver.actedOn())
          .figure("notifications never received", neverArrived.size())
          .figure("DELIVERED receipts", delivered.size())
          .figure("duplicated DELIVERED receipts", duplicateReceipts)
          .check(neverArrived.isEmpty(), "every notification received at least once", neverArrived)
          .check(
              receiver.actedOn() == ids.size() && arrivals.keySet().equals(ids),
              "acted on once per idempotency key",
              receiver.actedOn())
          .check(
              receiver.withoutKey() == 0,
              "every request has an Idempotency-Key",
              receiver.withoutKey())
          .check(noReceipt.isEmpty(), "receipts complete", noReceipt.size() + " without DELIVERED")
          .check(duplicateReceipts == 0, "one DELIVERED receipt each", duplicateReceipts);
    }
    return result;
  }

  /** DELIVERED receipts per notification id, read committed. */
  private static Map<String, Long> delivered(Env env, TopicCatalogue catalogue) {
    return Topics.readAll(env, catalogue.notificationReceipts()).stream()
        .map(Topics.Read::value)
        .filter(r -> r != null && r.getStatus() == DeliveryStatus.DELIVERED)
        .collect(
            Collectors.groupingBy(
                DeliveryReceipt::getNotificationId, TreeMap::new, Collectors.counting()));
  }

  private static Notification notification(int i, String url) {
    String incident = "inc-" + (i / 5);
    return Notification.newBuilder()
        .setNotificationId(incident + "/0/responder-" + (i % 5) + "/WEBHOOK")
        .setIncidentId(incident)
        .setBranchId("b" + (i % 24))
        .setKind(NotificationKind.ALERT)
        .setTier(0)
        .setSeverity(Severity.HIGH)
        .setRecipient(
            Recipient.newBuilder()
                .setResponderId("responder-" + (i % 5))
                .setName("Jordan Lee")
                .setRole("Branch manager")
                .build())
        .setChannel(ContactChannel.WEBHOOK)
        .setAddress(url)
        .setSubject("[HIGH] Book challenge")
        .setBody("A challenge is trending.\n1. Check the facts\n2. Call comms")
        .setSummary("A challenge is trending")
        .setSteps(List.of("Check the facts", "Call comms"))
        .setAcknowledgeUrl("http://localhost:8080/v1/incidents/" + incident + "/ack")
        .setCreatedAt(Instant.now())
        .build();
  }
}
