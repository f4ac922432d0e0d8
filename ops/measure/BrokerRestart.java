import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.librarycampaign.localruntime.LocalKafkaCluster;

/**
 * How long the local broker takes to be ready again after kill -9, alone: one node of {@link
 * LocalKafkaCluster} in its own JVM, TOPICS topics of PARTITIONS partitions with a few records each
 * (about the layout of campaign up), killed and started again ROUNDS times. Prints each restart's
 * time and the load average. Run by ops/measure/broker-restart.sh.
 */
public final class BrokerRestart {

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int topics = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Files.createTempDirectory("broker-restart");
    try (LocalKafkaCluster kafka = LocalKafkaCluster.startProcesses(dir, 1)) {
      List<NewTopic> created = new ArrayList<>();
      for (int t = 0; t < topics; t++) {
        created.add(new NewTopic("measure.topic-" + t, partitions, (short) 1));
      }
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin.createTopics(created).all().get(120, TimeUnit.SECONDS);
      }
      for (int round = 1; round <= rounds; round++) {
        try (KafkaProducer<String, String> producer =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                new StringSerializer())) {
          List<Future<RecordMetadata>> acks = new ArrayList<>();
          for (NewTopic topic : created) {
            for (int i = 0; i < 20 * partitions; i++) {
              acks.add(producer.send(new ProducerRecord<>(topic.name(), "k" + i, "round " + round)));
            }
          }
          for (Future<RecordMetadata> ack : acks) {
            ack.get(120, TimeUnit.SECONDS);
          }
        }
        kafka.killNode(0);
        long started = System.nanoTime();
        kafka.restartNode(0);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
            "restart %d after kill -9: broker ready after %.1f s (load average %s)%n",
            round, seconds, Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
