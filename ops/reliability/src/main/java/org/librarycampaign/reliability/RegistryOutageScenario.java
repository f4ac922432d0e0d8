package org.librarycampaign.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import library.campaign.events.AmplifyGap;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.DeliveryStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.librarycampaign.governance.GovernanceService;
import org.librarycampaign.localruntime.RegistryProcess;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The schema registry killed after warm-up while governance (a {@code campaign run} JVM) keeps
 * deciding posts: decisions keep flowing through the outage, nothing valid lands in dead letters,
 * and once the registry is back every post sent meanwhile is decided.
 */
final class RegistryOutageScenario {

  /**
   * @param everyService also crisis, dispatcher and conflicts, with a HIGH incident and an
   *     every-branch campaign milestone sent during the outage (the case)
   */
  record Size(int warmUp, int perSecond, Duration outage, Duration settle, boolean everyService) {}

  private RegistryOutageScenario() {}

  static Result run(Env base, Size size) throws Exception {
    Result result =
        new Result(
            "registry",
            "the schema registry killed after warm-up while posts keep coming to governance in its"
                + " own `campaign run` JVM; started again on the same port and storage after the"
                + " outage");
    Path storage = base.dir().resolve("own-registry");
    RegistryProcess registry = RegistryProcess.start(RegistryProcess.locateRunnerJar(), 0, storage);
    int port = registry.port();
    Env env = base.with(Map.of(CampaignConfig.REGISTRY_URL, registry.confluentApiUrl()));
    // one catalogue throughout: its registry client keeps the schema ids it has seen, as every
    // producer's and the service's do
    TopicCatalogue catalogue = env.createTopics(Optional.empty());
    Posts posts = new Posts(catalogue, "rp-");
    List<Instance> instances = new ArrayList<>();
    for (String service :
        size.everyService() ? CrashScenario.SERVICES : List.of(GovernanceService.NAME)) {
      instances.add(new Instance(service, env, "registry-" + service, Map.of()));
    }
    Instance governance = instances.get(0);
    Set<String> sent = new HashSet<>();
    int next = 0;
    Workload workload = new Workload(Instant.now());
    try (KafkaProducer<String, byte[]> producer = Topics.producer(env)) {
      new Feed(catalogue, workload.base(), workload.setup()).sendAll(producer);
      Instance.startOneByOne(instances, Duration.ofSeconds(240));
      for (; next < size.warmUp(); next++) {
        producer.send(posts.record(next));
        sent.add(posts.id(next));
      }
      producer.flush();
      Awaitility.await("warm-up decided")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> Posts.decisionCounts(env, catalogue).keySet().containsAll(sent));

      // serialized while the registry answers, as a client that registered its schemas earlier
      Feed meanwhile =
          new Feed(
              catalogue,
              workload.base(),
              List.of(
                  "{\"type\":\"IncidentReported\",\"incidentId\":\"outage-incident\","
                      + "\"branchId\":\"b1\",\"severity\":\"HIGH\",\"category\":\"SAFETY\","
                      + "\"summary\":\"Reported during the registry outage\","
                      + "\"reportedBy\":\"front desk\",\"reportedAt\":\""
                      + Instant.now()
                      + "\"}",
                  "{\"type\":\"Milestone\",\"milestoneId\":\"outage-hearing\",\"revision\":1,"
                      + "\"kind\":\"CAMPAIGN_MILESTONE\",\"stance\":\"AMPLIFY\","
                      + "\"campaignId\":\"budget-2027\",\"branchId\":\"*\","
                      + "\"title\":\"County budget hearing\",\"startsAt\":\""
                      + Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS)
                      + "\",\"endsAt\":\""
                      + Instant.now()
                          .plus(Duration.ofDays(1))
                          .truncatedTo(ChronoUnit.HOURS)
                          .plus(Duration.ofHours(2))
                      + "\"}"));
      List<ProducerRecord<String, byte[]>> incidentAndMilestone =
          List.of(meanwhile.record(0), meanwhile.record(1));

      registry.kill();
      long killed = System.nanoTime();
      int decidedAtKill = Posts.decisionCounts(env, catalogue).size();
      int duringOutage = 0;
      long end = killed + size.outage().toNanos();
      while (System.nanoTime() < end) {
        long due = killed + (long) duringOutage * 1_000_000_000L / size.perSecond();
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        producer.send(posts.record(next));
        sent.add(posts.id(next));
        next++;
        duringOutage++;
        if (size.everyService() && duringOutage == size.perSecond()) {
          incidentAndMilestone.forEach(producer::send);
        }
      }
      producer.flush();
      int decidedInOutage = Posts.decisionCounts(env, catalogue).size() - decidedAtKill;
      int deadLettersInOutage = Topics.readAll(env, catalogue.deadLetters()).size();
      boolean readyInOutage = governance.ready();
      result
          .figure("warm-up posts", size.warmUp())
          .figure("outage (s)", size.outage().toSeconds())
          .figure("posts sent during the outage", duringOutage)
          .figure("decided during the outage", decidedInOutage)
          .figure("dead letters during the outage", deadLettersInOutage)
          .figure("governance /ready during the outage", readyInOutage ? 200 : "not 200")
          .check(decidedInOutage > 0, "events keep flowing during the outage", decidedInOutage);

      registry = RegistryProcess.start(RegistryProcess.locateRunnerJar(), port, storage);
      long back = System.nanoTime();
      try {
        Awaitility.await("everything decided after the registry returned")
            .atMost(size.settle())
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () ->
                    Posts.decisionCounts(env, catalogue).keySet().containsAll(sent)
                        && (!size.everyService()
                            || (!incidentDelivered(env, catalogue).isEmpty()
                                && gaps(env, catalogue) > 0)));
      } catch (ConditionTimeoutException e) {
        result.check(false, "settles", "not after " + size.settle());
      }
      if (size.everyService()) {
        Map<String, Long> delivered = incidentDelivered(env, catalogue);
        long gaps = gaps(env, catalogue);
        result
            .figure(
                "HIGH incident sent during the outage: notifications DELIVERED", delivered.size())
            .figure("every-branch milestone sent during the outage: amplify gaps opened", gaps)
            .check(!delivered.isEmpty(), "the incident's notifications delivered", delivered)
            .check(
                delivered.values().stream().allMatch(n -> n == 1),
                "one DELIVERED receipt each",
                delivered)
            .check(gaps > 0, "the milestone's amplify gaps", gaps);
      }
      result.figure(
          "registry back to every post decided (ms)", (System.nanoTime() - back) / 1_000_000);
      Posts.Tally tally = Posts.Tally.of(sent, Posts.decisionCounts(env, catalogue));
      int deadLetters = Topics.readAll(env, catalogue.deadLetters()).size();
      result
          .figure("posts sent", sent.size())
          .figure("posts without a decision", tally.lost())
          .figure("posts decided twice", tally.duplicated())
          .figure("dead letters", deadLetters)
          .check(tally.lost() == 0, "everything sent meanwhile is processed", tally.lost())
          .check(tally.duplicated() == 0, "no post decided twice", tally.duplicated())
          .check(deadLetters == 0, "nothing valid in dead letters", deadLetters);
    } finally {
      instances.forEach(Instance::stop);
      registry.close();
    }
    return result;
  }

  /** DELIVERED receipts of the incident's notifications, per notification. */
  private static Map<String, Long> incidentDelivered(Env env, TopicCatalogue catalogue) {
    return Topics.readAll(env, catalogue.notificationReceipts()).stream()
        .map(Topics.Read::value)
        .filter(
            r ->
                r != null
                    && r.getStatus() == DeliveryStatus.DELIVERED
                    && r.getNotificationId().startsWith("outage-incident/"))
        .collect(
            Collectors.groupingBy(
                DeliveryReceipt::getNotificationId, TreeMap::new, Collectors.counting()));
  }

  /** Open amplify gaps of the milestone sent during the outage. */
  private static long gaps(Env env, TopicCatalogue catalogue) {
    return Topics.readAll(env, catalogue.conflicts()).stream()
        .filter(r -> r.key().startsWith("gap:outage-hearing/"))
        .map(Topics.Read::value)
        .filter(v -> v != null && v.getEvent() instanceof AmplifyGap gap && gap.getOpen())
        .count();
  }
}
