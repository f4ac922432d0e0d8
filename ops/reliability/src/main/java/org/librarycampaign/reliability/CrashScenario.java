package org.librarycampaign.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import library.campaign.events.ConflictEvent;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.Notification;
import library.campaign.events.PostDecision;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.librarycampaign.conflicts.ConflictsService;
import org.librarycampaign.crisis.CrisisService;
import org.librarycampaign.dispatcher.DispatcherService;
import org.librarycampaign.governance.GovernanceService;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Each Streams service in a {@code campaign run} JVM of its own under continuous input, each killed
 * with kill -9 at random points and started again: the final outputs equal the plan of the same
 * input, read-committed output holds no decision or notification twice, and no transaction is left
 * open.
 */
final class CrashScenario {

  static final List<String> SERVICES =
      List.of(
          GovernanceService.NAME,
          ConflictsService.NAME,
          CrisisService.NAME,
          DispatcherService.NAME);

  /**
   * @param events lines of input
   * @param perSecond how fast they are sent
   * @param killsPerService kill -9 of each service while the input flows
   */
  record Size(int events, int perSecond, int killsPerService, Duration settle) {}

  private CrashScenario() {}

  static Result run(Env env, Size size, long seed) throws Exception {
    Result result =
        new Result(
            "crash",
            "governance, conflicts, crisis and dispatcher each in its own `campaign run` JVM,"
                + " each killed with kill -9 at random points under continuous input");
    Workload workload = new Workload(Instant.now());
    List<String> setup = workload.setup();
    List<String> events = workload.events(size.events());
    // the plan is made while the services run: both take minutes at full size
    ExecutorService planner = Executors.newSingleThreadExecutor();
    long planStarted = System.nanoTime();
    Future<Expected> planned =
        planner.submit(
            () -> {
              Expected plan =
                  Expected.plan(
                      workload.base(), Stream.concat(setup.stream(), events.stream()).toList());
              result.figure("plan took (s)", (System.nanoTime() - planStarted) / 1_000_000_000);
              return plan;
            });
    planner.shutdown();
    result.figure("input events", events.size()).figure("seed", seed);
    TopicCatalogue catalogue = env.createTopics(Optional.empty());
    List<Instance> instances = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(SERVICES.size() + 1);
    try (KafkaProducer<String, byte[]> producer = Topics.producer(env)) {
      new Feed(catalogue, workload.base(), setup).sendAll(producer);
      for (String service : SERVICES) {
        instances.add(new Instance(service, env, "crash-" + service, Map.of()));
      }
      Instance.startOneByOne(instances, Duration.ofSeconds(240));
      Feed feed = new Feed(catalogue, workload.base(), events);
      Duration sending = feed.duration(size.perSecond());
      Chaos chaos = new Chaos(seed);
      long started = System.nanoTime();
      Future<?> sent =
          threads.submit(
              () -> {
                feed.send(producer, size.perSecond());
                return null;
              });
      List<Future<?>> killers = new ArrayList<>();
      for (Instance instance : instances) {
        killers.add(
            threads.submit(
                chaos.killer(instance, started, chaos.points(sending, size.killsPerService()))));
      }
      sent.get();
      result.figure("input sent in (s)", (System.nanoTime() - started) / 1_000_000_000);
      for (Future<?> killer : killers) {
        killer.get();
      }
      result
          .figure("kill -9", chaos.kills() + " (" + size.killsPerService() + " per service)")
          .figure("kill to ready again (ms), min/median/max", chaos.spread());

      Expected expected = planned.get();
      result
          .figure("plan: decisions", expected.decisionCount())
          .figure("plan: conflict keys", expected.conflicts.size())
          .figure("plan: notifications", expected.notifications.size());
      long settleStarted = System.nanoTime();
      try {
        Awaitility.await("outputs equal to the plan")
            .atMost(size.settle())
            .pollInterval(Duration.ofSeconds(3))
            .until(() -> Outcome.read(env, catalogue).matches(expected));
      } catch (ConditionTimeoutException e) {
        result.check(false, "outputs settle", "not equal to the plan after " + size.settle());
      }
      result.figure(
          "kills over and plan made to outputs equal to it (s)",
          (System.nanoTime() - settleStarted) / 1_000_000_000);
    } finally {
      instances.forEach(Instance::stop);
      threads.shutdownNow();
    }

    long stopped = System.nanoTime();
    String prefix = env.settings().get(CampaignConfig.APPLICATION_ID_PREFIX);
    Set<String> ongoing = Set.of();
    try {
      Awaitility.await("no ongoing transaction")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> Topics.ongoingTransactions(env, prefix).isEmpty());
    } catch (ConditionTimeoutException e) {
      ongoing = Topics.ongoingTransactions(env, prefix);
    }
    result
        .figure("ongoing transactions at the end", ongoing.size())
        .figure("clean stop to no open transaction (ms)", (System.nanoTime() - stopped) / 1_000_000)
        .check(ongoing.isEmpty(), "no hanging transaction", ongoing);

    Outcome.read(env, catalogue).report(result, planned.get());
    return result;
  }

  /** What the running services wrote, read committed. */
  record Outcome(
      Map<String, List<String>> decisions,
      Map<String, String> conflicts,
      List<String> notificationIds,
      Map<String, Long> delivered,
      int deadLetters) {

    static Outcome read(Env env, TopicCatalogue catalogue) {
      Map<String, List<String>> decisions = new TreeMap<>();
      for (Topics.Read<PostDecision> read : Topics.readAll(env, catalogue.postDecisions())) {
        decisions
            .computeIfAbsent(read.key(), k -> new ArrayList<>())
            .add(read.value() == null ? "null" : Expected.comparable(read.value()));
      }
      Map<String, String> conflicts = new TreeMap<>();
      for (Topics.Read<ConflictEvent> read : Topics.readAll(env, catalogue.conflicts())) {
        conflicts.put(
            read.key(), read.value() == null ? "null" : Expected.comparable(read.value()));
      }
      List<String> notifications =
          Topics.readAll(env, catalogue.notifications()).stream()
              .map(r -> ((Notification) r.value()).getNotificationId())
              .toList();
      Map<String, Long> delivered =
          Topics.readAll(env, catalogue.notificationReceipts()).stream()
              .map(Topics.Read::value)
              .filter(r -> r != null && r.getStatus() == DeliveryStatus.DELIVERED)
              .collect(
                  Collectors.groupingBy(
                      DeliveryReceipt::getNotificationId, TreeMap::new, Collectors.counting()));
      int deadLetters = Topics.readAll(env, catalogue.deadLetters()).size();
      return new Outcome(decisions, conflicts, notifications, delivered, deadLetters);
    }

    boolean matches(Expected expected) {
      return decisions.equals(expected.decisions)
          && conflicts.equals(expected.conflicts)
          && Set.copyOf(notificationIds).equals(expected.notifications)
          && delivered.keySet().equals(expected.notifications);
    }

    void report(Result result, Expected expected) {
      int decisionRecords = decisions.values().stream().mapToInt(List::size).sum();
      long duplicateDecisions = duplicates(decisions) - duplicates(expected.decisions);
      long duplicateNotifications = notificationIds.size() - Set.copyOf(notificationIds).size();
      long duplicateDelivered = delivered.values().stream().mapToLong(n -> n - 1).sum();
      Set<String> missingNotifications = new TreeSet<>(expected.notifications);
      missingNotifications.removeAll(Set.copyOf(notificationIds));
      Set<String> undelivered = new TreeSet<>(expected.notifications);
      undelivered.removeAll(delivered.keySet());
      result
          .figure("run: decisions (records)", decisionRecords)
          .figure("run: conflict keys", conflicts.size())
          .figure("run: notifications (records)", notificationIds.size())
          .figure("run: notifications DELIVERED", delivered.size())
          .figure("lost decisions", Math.max(0, expected.decisionCount() - decisionRecords))
          .figure("duplicated decisions", duplicateDecisions)
          .figure("duplicated notification ids", duplicateNotifications)
          .figure("duplicated DELIVERED receipts", duplicateDelivered)
          .figure("lost notifications", missingNotifications.size())
          .figure("dead letters", deadLetters)
          .check(
              decisions.equals(expected.decisions),
              "every post's decisions equal the plan's",
              Expected.differences(expected.decisions, decisions, 5))
          .check(
              conflicts.equals(expected.conflicts),
              "latest conflict of every key equals the plan's",
              Expected.differences(expected.conflicts, conflicts, 5))
          .check(duplicateDecisions == 0, "no duplicate decision", duplicateDecisions)
          .check(
              duplicateNotifications == 0, "no duplicate notification id", duplicateNotifications)
          .check(
              Set.copyOf(notificationIds).equals(expected.notifications),
              "the plan's notifications, no other",
              "missing " + missingNotifications.stream().limit(5).toList())
          .check(undelivered.isEmpty(), "every notification delivered", undelivered.size())
          .check(duplicateDelivered == 0, "one DELIVERED receipt each", duplicateDelivered)
          .check(deadLetters == 0, "no dead letter", deadLetters);
    }

    /** Records equal to an earlier record of the same key. */
    private static long duplicates(Map<String, List<String>> byKey) {
      long count = 0;
      for (List<String> values : byKey.values()) {
        Map<String, Integer> seen = new HashMap<>();
        for (String value : values) {
          if (seen.merge(value, 1, Integer::sum) > 1) {
            count++;
          }
        }
      }
      return count;
    }
  }
}
