package org.librarycampaign.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDecision;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Content posts that each get exactly one decision (no revision, no withdrawal, no crisis, no
 * campaign ratio), for the scenarios that count records end to end.
 */
final class Posts {

  private static final Platform[] PLATFORMS = {
    Platform.FACEBOOK, Platform.INSTAGRAM, Platform.BLUESKY
  };
  private static final int BRANCHES = 48;

  private final Topic<String, PostEvent> topic;
  private final Instant firstDay;
  private final String prefix;

  Posts(TopicCatalogue catalogue, String prefix) {
    this.topic = catalogue.posts();
    this.prefix = prefix;
    this.firstDay = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
  }

  String id(int i) {
    return prefix + i;
  }

  PostEvent post(int i) {
    return new PostEvent(
        PostDrafted.newBuilder()
            .setPostId(id(i))
            .setRevision(1)
            .setBranchId(branch(i))
            .setPlatform(PLATFORMS[i % PLATFORMS.length])
            .setCategory(PostCategory.CONTENT)
            .setText("Story time " + i + " at the library")
            .setScheduledAt(
                firstDay.plus(Duration.ofDays((i / BRANCHES) % 60)).plus(Duration.ofHours(10)))
            .setDraftedAt(Instant.now())
            .build());
  }

  static String branch(int i) {
    return "b" + (i % BRANCHES);
  }

  byte[] bytes(PostEvent post) {
    return topic.valueSerde().serializer().serialize(topic.name(), post);
  }

  ProducerRecord<String, byte[]> record(int i) {
    PostEvent post = post(i);
    return new ProducerRecord<>(topic.name(), branch(i), bytes(post));
  }

  String topicName() {
    return topic.name();
  }

  /** How many decisions each post got, read committed. */
  static Map<String, Integer> decisionCounts(Env env, TopicCatalogue catalogue) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Topics.Read<PostDecision> read : Topics.readAll(env, catalogue.postDecisions())) {
      if (read.value() != null) {
        counts.merge(read.key(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Of the given ids: how many have no decision, how many more than one. */
  record Tally(int expected, int lost, int duplicated, int decidedOthers) {
    static Tally of(Set<String> ids, Map<String, Integer> counts) {
      int lost = 0;
      int duplicated = 0;
      for (String id : ids) {
        int n = counts.getOrDefault(id, 0);
        if (n == 0) {
          lost++;
        } else if (n > 1) {
          duplicated += n - 1;
        }
      }
      Map<String, Integer> others = new HashMap<>(counts);
      others.keySet().removeAll(ids);
      return new Tally(ids.size(), lost, duplicated, others.size());
    }
  }

  static Set<String> ids(Map<String, Integer> counts) {
    return counts.keySet().stream().collect(Collectors.toSet());
  }
}
