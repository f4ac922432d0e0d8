package org.librarycampaign.reliability;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import library.campaign.events.DeadLetter;
import library.campaign.events.PostDecision;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.librarycampaign.governance.GovernanceService;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Poison among valid posts on {@code campaign.posts}, read by governance in a {@code campaign run}
 * JVM: every poison record is accounted for (a dead letter with its reason, or a counted skip for a
 * tombstone) and every valid post is decided exactly once.
 */
final class PoisonScenario {

  enum Kind {
    BAD_MAGIC_BYTE,
    UNKNOWN_SCHEMA_ID,
    TRUNCATED,
    INVALID_VALUES,
    TOMBSTONE
  }

  record Size(int records, Duration settle) {}

  private record Sent(Kind kind, String postId, Future<RecordMetadata> ack) {}

  private PoisonScenario() {}

  static Result run(Env env, Size size) throws Exception {
    Result result =
        new Result(
            "poison",
            "1% poison among valid posts on campaign.posts (bad magic byte, unknown schema id,"
                + " truncated, valid Avro with invalid values, tombstones), read by governance in"
                + " its own `campaign run` JVM");
    TopicCatalogue catalogue = env.createTopics(Optional.empty());
    Posts posts = new Posts(catalogue, "pp-");
    Instance governance = new Instance(GovernanceService.NAME, env, "poison-governance", Map.of());
    Set<String> valid = new HashSet<>();
    List<Sent> poison = new ArrayList<>();
    try {
      Instance.startOneByOne(List.of(governance), Duration.ofSeconds(240));
      try (KafkaProducer<String, byte[]> producer = Topics.producer(env)) {
        for (int i = 0; i < size.records(); i++) {
          if (i % 100 == 50) {
            Kind kind = Kind.values()[(i / 100) % Kind.values().length];
            ProducerRecord<String, byte[]> record = poison(kind, i, posts);
            poison.add(new Sent(kind, posts.id(i), producer.send(record)));
          } else {
            producer.send(posts.record(i));
            valid.add(posts.id(i));
          }
        }
        producer.flush();
      }
      long started = System.nanoTime();
      try {
        Awaitility.await("every valid post decided, every poison record dead-lettered or counted")
            .atMost(size.settle())
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () -> {
                  Map<String, Integer> decided = Posts.decisionCounts(env, catalogue);
                  Map<Long, Map<String, String>> letters =
                      deadLetters(env, catalogue, posts.topicName());
                  long accounted =
                      letters.size()
                          + (long) tombstones(governance)
                          + poison.stream()
                              .filter(p -> decided.containsKey(p.postId() + "*"))
                              .count();
                  return decided.keySet().containsAll(valid) && accounted >= poison.size();
                });
      } catch (ConditionTimeoutException e) {
        result.check(false, "settles", "not after " + size.settle());
      }
      result.figure("records", size.records()).figure("valid posts", valid.size());
      result.figure("valid to all accounted (s)", (System.nanoTime() - started) / 1_000_000_000);

      Map<String, Integer> counts = Posts.decisionCounts(env, catalogue);
      Map<Long, Map<String, String>> letters = deadLetters(env, catalogue, posts.topicName());
      double skipped = tombstones(governance);
      Map<Kind, int[]> byKind = new EnumMap<>(Kind.class); // {sent, dead letter, skip, decided}
      int unaccounted = 0;
      int withoutReason = 0;
      for (Sent sent : poison) {
        RecordMetadata at = sent.ack().get();
        int[] tally = byKind.computeIfAbsent(sent.kind(), k -> new int[4]);
        tally[0]++;
        Map<String, String> letter = letters.get(key(at.partition(), at.offset()));
        if (letter != null) {
          tally[1]++;
          if (letter.getOrDefault(DeadLetters.HEADER_STAGE, "").isEmpty()
              || letter.getOrDefault(DeadLetters.HEADER_MESSAGE, "").isEmpty()) {
            withoutReason++;
          }
        } else if (sent.kind() == Kind.TOMBSTONE) {
          tally[2]++;
        } else if (counts.containsKey(sent.postId() + "*")) {
          tally[3]++;
        } else {
          unaccounted++;
        }
      }
      int tombstonesSent = byKind.getOrDefault(Kind.TOMBSTONE, new int[4])[0];
      for (Map.Entry<Kind, int[]> entry : byKind.entrySet()) {
        int[] t = entry.getValue();
        String stage =
            letters.values().stream()
                .filter(h -> h.containsKey("kind") && h.get("kind").equals(entry.getKey().name()))
                .findFirst()
                .map(h -> h.get(DeadLetters.HEADER_STAGE))
                .orElse("");
        result.figure(
            "poison " + entry.getKey().name().toLowerCase().replace('_', ' ') + stage,
            t[0]
                + " sent: "
                + t[1]
                + " dead letters, "
                + t[2]
                + " counted skips, "
                + t[3]
                + " decided by the rules");
      }
      Map<String, String> invalidDecided = new java.util.TreeMap<>();
      for (Topics.Read<PostDecision> read : Topics.readAll(env, catalogue.postDecisions())) {
        if (read.key().endsWith("*") && read.value() != null) {
          invalidDecided.put(read.key(), read.value().getStatus().toString());
        }
      }
      if (!invalidDecided.isEmpty()) {
        result.finding(
            "a post with values ingest refuses (an id with '*', revision 0, empty text) written"
                + " straight to Kafka is decided like any other, not dead-lettered: "
                + invalidDecided.values().stream()
                    .collect(
                        java.util.stream.Collectors.groupingBy(
                            v -> v,
                            java.util.TreeMap::new,
                            java.util.stream.Collectors.counting())));
      }
      Posts.Tally tally = Posts.Tally.of(valid, counts);
      result
          .figure("dead letters of campaign.posts", letters.size())
          .figure("campaign_input_tombstones_total (governance)", (long) skipped)
          .figure("valid posts without a decision", tally.lost())
          .figure("valid posts decided twice", tally.duplicated())
          .check(unaccounted == 0, "every poison record accounted for", unaccounted)
          .check(withoutReason == 0, "every dead letter names its stage and reason", withoutReason)
          .check(
              (long) skipped == tombstonesSent,
              "tombstones counted",
              skipped + " counted of " + tombstonesSent)
          .check(tally.lost() == 0, "every valid record processed", tally.lost())
          .check(tally.duplicated() == 0, "no valid record decided twice", tally.duplicated());
    } finally {
      governance.stop();
    }
    return result;
  }

  private static long key(int partition, long offset) {
    return ((long) partition << 48) | offset;
  }

  /** The dead letters of the topic, by source partition and offset, with their headers. */
  private static Map<Long, Map<String, String>> deadLetters(
      Env env, TopicCatalogue catalogue, String sourceTopic) {
    Map<Long, Map<String, String>> letters = new HashMap<>();
    for (Topics.Read<DeadLetter> read : Topics.readAll(env, catalogue.deadLetters())) {
      Map<String, String> headers = read.headers();
      if (sourceTopic.equals(headers.get(DeadLetters.HEADER_TOPIC))) {
        letters.put(
            key(
                Integer.parseInt(headers.get(DeadLetters.HEADER_PARTITION)),
                Long.parseLong(headers.get(DeadLetters.HEADER_OFFSET))),
            headers);
      }
    }
    return letters;
  }

  private static double tombstones(Instance governance) {
    return governance.metric("campaign_input_tombstones_total", "governance").orElse(0.0);
  }

  private static ProducerRecord<String, byte[]> poison(Kind kind, int i, Posts posts) {
    String topic = posts.topicName();
    String key = Posts.branch(i);
    byte[] valid = posts.bytes(posts.post(i));
    byte[] value =
        switch (kind) {
          case BAD_MAGIC_BYTE -> {
            byte[] copy = valid.clone();
            copy[0] = 7;
            yield copy;
          }
          case UNKNOWN_SCHEMA_ID -> {
            byte[] copy = valid.clone();
            ByteBuffer.wrap(copy, 1, 4).putInt(900_000 + i);
            yield copy;
          }
          case TRUNCATED -> Arrays.copyOf(valid, 5 + (valid.length - 5) / 2);
          case INVALID_VALUES -> {
            PostDrafted drafted = (PostDrafted) posts.post(i).getEvent();
            // what ingest refuses (an id outside the pattern, revision 0, no text) but the schema
            // allows: a producer writing Kafka directly can send it
            yield posts.bytes(
                new PostEvent(
                    PostDrafted.newBuilder(drafted)
                        .setPostId(posts.id(i) + "*")
                        .setRevision(0)
                        .setText("")
                        .build()));
          }
          case TOMBSTONE -> null;
        };
    return new ProducerRecord<>(topic, key, value);
  }
}
