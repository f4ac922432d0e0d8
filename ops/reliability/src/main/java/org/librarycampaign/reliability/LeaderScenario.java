package org.librarycampaign.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Node;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.librarycampaign.governance.GovernanceService;
import org.librarycampaign.localruntime.LocalKafkaCluster;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Three broker JVMs, topics laid out by {@code ops/topics-cluster.yaml} (replication 3,
 * min.insync.replicas 2); posts flow to governance (a {@code campaign run} JVM) while the leader of
 * a {@code campaign.posts} partition is killed (kill -9) and brought back, several times: every
 * post the producer saw acknowledged is decided exactly once.
 */
final class LeaderScenario {

  record Size(int posts, int perSecond, int kills, Duration settle) {}

  private LeaderScenario() {}

  static Result run(ReliabilityRun.Stage stage, Size size, long seed) throws Exception {
    Result result =
        new Result(
            "leader",
            "three broker JVMs (replication 3, min.insync.replicas 2), the leader of a"
                + " campaign.posts partition killed with kill -9 and restarted while posts flow"
                + " to governance in its own `campaign run` JVM");
    Path topicsFile = clusterTopicsFile();
    Path dir = Files.createDirectories(stage.dir().resolve("leader-cluster"));
    try (LocalKafkaCluster kafka = LocalKafkaCluster.startProcesses(dir, 3)) {
      Env env =
          Env.of("leader", kafka.bootstrapServers(), stage.registryUrl(), stage.dir())
              .with(Map.of(CampaignConfig.TOPICS_FILE, topicsFile.toString()));
      TopicCatalogue catalogue = env.createTopics(Optional.of(topicsFile));
      Posts posts = new Posts(catalogue, "lp-");
      Instance governance =
          new Instance(GovernanceService.NAME, env, "leader-governance", Map.of());
      Set<String> acked = ConcurrentHashMap.newKeySet();
      AtomicLong failed = new AtomicLong();
      AtomicLong slowRestarts = new AtomicLong();
      List<Long> electionMillis = new ArrayList<>();
      ExecutorService threads = Executors.newSingleThreadExecutor();
      try (KafkaProducer<String, byte[]> producer = Topics.producer(env);
          Admin admin = Admin.create(env.config().kafkaProperties())) {
        Instance.startOneByOne(List.of(governance), Duration.ofSeconds(240));
        Duration sending = Duration.ofMillis(1000L * size.posts() / size.perSecond());
        Chaos chaos = new Chaos(seed);
        List<Duration> points = chaos.points(sending, size.kills());
        long started = System.nanoTime();
        Future<?> killer =
            threads.submit(
                () -> {
                  for (Duration point : points) {
                    long wait = started + point.toNanos() - System.nanoTime();
                    if (wait > 0) {
                      LockSupport.parkNanos(wait);
                    }
                    int leader = leader(admin, posts.topicName());
                    kafka.killNode(leader);
                    long killed = System.nanoTime();
                    Awaitility.await("a new leader")
                        .atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> leaderOrNone(admin, posts.topicName()) != leader);
                    synchronized (electionMillis) {
                      electionMillis.add((System.nanoTime() - killed) / 1_000_000);
                    }
                    try {
                      kafka.restartNode(leader);
                    } catch (IllegalStateException e) {
                      // a slow machine: the node is still coming up; two brokers keep the ISR
                      slowRestarts.incrementAndGet();
                    }
                  }
                  return null;
                });
        for (int i = 0; i < size.posts(); i++) {
          long wait = started + (long) i * 1_000_000_000L / size.perSecond() - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          String id = posts.id(i);
          producer.send(
              posts.record(i),
              (metadata, exception) -> {
                if (exception == null) {
                  acked.add(id);
                } else {
                  failed.incrementAndGet();
                }
              });
        }
        producer.flush();
        killer.get();
        result
            .figure("posts sent", size.posts())
            .figure("acknowledged", acked.size())
            .figure("send failures reported to the producer", failed.get())
            .figure("leader kills (kill -9)", electionMillis.size())
            .figure("kill to new leader (ms)", electionMillis)
            .figure("broker restarts not ready within 90 s", slowRestarts.get());
        long settle = System.nanoTime();
        try {
          Awaitility.await("every acknowledged post decided")
              .atMost(size.settle())
              .pollInterval(Duration.ofSeconds(3))
              .until(() -> Posts.decisionCounts(env, catalogue).keySet().containsAll(acked));
        } catch (ConditionTimeoutException e) {
          result.check(false, "settles", "not after " + size.settle());
        }
        result.figure(
            "last post to every acknowledged post decided (s)",
            (System.nanoTime() - settle) / 1_000_000_000);
        Posts.Tally tally = Posts.Tally.of(acked, Posts.decisionCounts(env, catalogue));
        result
            .figure("acknowledged posts without a decision (lost)", tally.lost())
            .figure("extra decisions of acknowledged posts (duplicated)", tally.duplicated())
            .figure("decided posts the producer did not see acknowledged", tally.decidedOthers())
            .check(tally.lost() == 0, "every acknowledged event arrives", tally.lost())
            .check(tally.duplicated() == 0, "exactly once", tally.duplicated())
            .check(electionMillis.size() == size.kills(), "leaders killed", electionMillis.size());
      } finally {
        governance.stop();
        threads.shutdownNow();
      }
    }
    return result;
  }

  private static int leader(Admin admin, String topic) throws Exception {
    int leader = leaderOrNone(admin, topic);
    if (leader < 0) {
      throw new IllegalStateException(topic + " partition 0 has no leader");
    }
    return leader;
  }

  private static int leaderOrNone(Admin admin, String topic) throws Exception {
    TopicDescription description =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    Node leader = description.partitions().get(0).leader();
    return leader == null || leader.isEmpty() ? -1 : leader.id();
  }

  private static Path clusterTopicsFile() {
    for (Path candidate :
        List.of(
            Path.of("ops", "topics-cluster.yaml"),
            Path.of("..", "..", "ops", "topics-cluster.yaml"))) {
      if (Files.isRegularFile(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException(
        "ops/topics-cluster.yaml not found from " + Path.of("").toAbsolutePath());
  }
}
