package org.librarycampaign.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
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

  record Size(int warmUp, int perSecond, Duration outage, Duration settle) {}

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
    Instance governance =
        new Instance(GovernanceService.NAME, env, "registry-governance", Map.of());
    Set<String> sent = new HashSet<>();
    int next = 0;
    try (KafkaProducer<String, byte[]> producer = Topics.producer(env)) {
      governance.start();
      governance.awaitReady(Duration.ofSeconds(240));
      for (; next < size.warmUp(); next++) {
        producer.send(posts.record(next));
        sent.add(posts.id(next));
      }
      producer.flush();
      Awaitility.await("warm-up decided")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> Posts.decisionCounts(env, catalogue).keySet().containsAll(sent));

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
            .until(() -> Posts.decisionCounts(env, catalogue).keySet().containsAll(sent));
      } catch (ConditionTimeoutException e) {
        result.check(false, "settles", "not after " + size.settle());
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
      governance.stop();
      registry.close();
    }
    return result;
  }
}
