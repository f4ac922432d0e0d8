package org.librarycampaign.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a flight recording's execution samples on the threads whose name contains a text (a stream
 * thread: {@code governance-r} for governance's measured repeats): the share of samples with each
 * cost area anywhere on the stack, the top frames, and the project's and Kafka Streams' frames
 * inclusive. How docs/PERFORMANCE.md#profiling was read.
 *
 * <p>{@code java -cp ops/bench/target/classes org.librarycampaign.bench.JfrTop FILE THREAD [N]
 * [threads]} ({@code threads}: also list every thread with more than 20 samples).
 */
public final class JfrTop {

  private JfrTop() {}

  public static void main(String[] a) throws Exception {
    String thread = a[1];
    int n = a.length > 2 ? Integer.parseInt(a[2]) : 40;
    Map<String, Integer> self = new HashMap<>(), incl = new HashMap<>(), cats = new HashMap<>();
    String[][] categories = {
      {
        "governance rules/state (GovernanceProcessor.process)",
        "org.librarycampaign.governance.GovernanceProcessor.process"
      },
      {"Governor", "org.librarycampaign.governance.decision.Governor."},
      {"StateCodec", "org.librarycampaign.platform.state.StateCodec"},
      {"jackson", "com.fasterxml.jackson"},
      {"avro", "org.apache.avro"},
      {"AvroSerde", "org.librarycampaign.platform.serde"},
      {"Sensor.record", "org.apache.kafka.common.metrics.Sensor.record"},
      {
        "cache put/flush (ThreadCache/NamedCache)",
        "org.apache.kafka.streams.state.internals.ThreadCache"
      },
      {"CachingKeyValueStore", "org.apache.kafka.streams.state.internals.CachingKeyValueStore"},
      {"MeteredKeyValueStore", "org.apache.kafka.streams.state.internals.MeteredKeyValueStore"},
      {"RocksDB", "org.rocksdb"},
      {
        "changelog log (ChangeLoggingKeyValueBytesStore)",
        "org.apache.kafka.streams.state.internals.ChangeLogging"
      },
      {
        "RecordCollector.send",
        "org.apache.kafka.streams.processor.internals.RecordCollectorImpl.send"
      },
      {"KafkaProducer.send", "org.apache.kafka.clients.producer.KafkaProducer.send"},
      {"consumer poll", "org.apache.kafka.clients.consumer.internals.ClassicKafkaConsumer.poll"},
      {"commit", "org.apache.kafka.streams.processor.internals.TaskExecutor.commit"},
      {"TaskManager.commit", "org.apache.kafka.streams.processor.internals.TaskManager.commit"},
      {"StreamTask.process", "org.apache.kafka.streams.processor.internals.StreamTask.process"},
      {"StreamThread.runOnce", "org.apache.kafka.streams.processor.internals.StreamThread.runOnce"},
      {"repartition (hashtag)", "org.librarycampaign.governance.HashtagFirstUseProcessor"},
      {"AvroMapping", "org.librarycampaign.governance.AvroMapping"},
      {"micrometer", "io.micrometer"},
      {"logging", "org.slf4j"},
      {"logback", "ch.qos.logback"},
    };
    int total = 0;
    Map<String, Integer> threads = new TreeMap<>();
    try (RecordingFile f = new RecordingFile(Path.of(a[0]))) {
      while (f.hasMoreEvents()) {
        RecordedEvent e = f.readEvent();
        if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
        RecordedThread t = e.getThread("sampledThread");
        String tn = t == null ? "?" : t.getJavaName();
        if (tn == null) tn = "?";
        threads.merge(tn.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "*"), 1, Integer::sum);
        if (!tn.contains(thread)) continue;
        RecordedStackTrace st = e.getStackTrace();
        if (st == null) continue;
        total++;
        List<RecordedFrame> fr = st.getFrames();
        if (!fr.isEmpty()) self.merge(name(fr.get(0)), 1, Integer::sum);
        Set<String> seen = new HashSet<>(), seenCat = new HashSet<>();
        for (RecordedFrame x : fr) {
          String m = name(x);
          if (seen.add(m)) incl.merge(m, 1, Integer::sum);
          for (String[] c : categories)
            if (m.startsWith(c[1]) && seenCat.add(c[0])) cats.merge(c[0], 1, Integer::sum);
        }
      }
    }
    if (a.length > 3)
      threads.forEach(
          (k, v) -> {
            if (v > 20) System.out.println("thread " + v + " " + k);
          });
    System.out.println("samples " + total + " on threads containing '" + thread + "'");
    System.out.println("== categories (inclusive) ==");
    int t2 = total;
    cats.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(en -> System.out.printf("%5.1f%%  %s%n", 100.0 * en.getValue() / t2, en.getKey()));
    System.out.println("== self (top frame) ==");
    self.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .forEach(en -> System.out.printf("%5.1f%%  %s%n", 100.0 * en.getValue() / t2, en.getKey()));
    System.out.println("== inclusive, project + streams-internals frames ==");
    incl.entrySet().stream()
        .filter(
            en ->
                en.getKey().startsWith("org.librarycampaign")
                    || en.getKey().contains("streams.state")
                    || en.getKey().contains("streams.processor.internals"))
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .forEach(en -> System.out.printf("%5.1f%%  %s%n", 100.0 * en.getValue() / t2, en.getKey()));
  }

  static String name(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    return m.getType().getName() + "." + m.getName();
  }
}
