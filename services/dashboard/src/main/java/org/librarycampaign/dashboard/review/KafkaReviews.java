package org.librarycampaign.dashboard.review;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import library.campaign.events.Platform;
import library.campaign.events.PostEvent;
import library.campaign.events.PostReviewed;
import library.campaign.events.ReviewAction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Writes the dashboard's reviews to {@code campaign.posts} as {@code PostReviewed} events (Avro,
 * schema from the registry; keyed by branch, as every post event), each in a transaction of its own
 * with an idempotent producer: a review is either committed once or not at all, and readers with
 * {@code read_committed} never see half of one. The transactional id is {@code <application
 * id>-reviews-<random>}, under the dashboard's prefix (its ACLs), one per running dashboard.
 */
public final class KafkaReviews implements ReviewDesk, AutoCloseable {

  private static final long SEND_TIMEOUT_SECONDS = 15;

  private final Supplier<Facts> facts;
  private final Topic<String, PostEvent> posts;
  private final Producer<String, byte[]> producer;
  private boolean initialised;

  KafkaReviews(
      Supplier<Facts> facts, Topic<String, PostEvent> posts, Producer<String, byte[]> producer) {
    this.facts = facts;
    this.posts = posts;
    this.producer = producer;
  }

  public static KafkaReviews start(
      CampaignConfig config, TopicCatalogue topics, String service, Supplier<Facts> facts) {
    Map<String, Object> properties = new TreeMap<>(config.kafkaProperties());
    String applicationId = config.applicationId(service);
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-reviews");
    properties.put(
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-reviews-" + UUID.randomUUID());
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    return new KafkaReviews(
        facts,
        topics.posts(),
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer()));
  }

  /** The topic the reviews go to. */
  public static String topicOf(TopicCatalogue topics) {
    return topics.posts().name();
  }

  @Override
  public Facts facts() {
    return facts.get();
  }

  @Override
  public synchronized void write(Review review) {
    PostEvent event = PostEvent.newBuilder().setEvent(toAvro(review)).build();
    byte[] value = posts.valueSerde().serializer().serialize(posts.name(), event);
    try {
      if (!initialised) {
        // at the first review, not at start: the dashboard starts and shows while Kafka is away
        producer.initTransactions();
        initialised = true;
      }
      producer.beginTransaction();
      producer
          .send(new ProducerRecord<>(posts.name(), review.branchId(), value))
          .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      producer.commitTransaction();
    } catch (ProducerFencedException e) {
      throw new IllegalStateException("another dashboard took over this one's transactional id", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort();
      throw new ReviewNotWrittenException("interrupted", e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      if (initialised) {
        abort();
      }
      throw new ReviewNotWrittenException("Kafka did not take it (" + e.getMessage() + ")", e);
    }
  }

  private void abort() {
    try {
      producer.abortTransaction();
    } catch (KafkaException | IllegalStateException ignored) {
      // nothing was committed; the next review begins a new transaction
    }
  }

  static PostReviewed toAvro(Review review) {
    return PostReviewed.newBuilder()
        .setPostId(review.postId())
        .setRevision(review.revision())
        .setBranchId(review.branchId())
        .setPlatform(Platform.valueOf(review.platform()))
        .setAction(ReviewAction.valueOf(review.action()))
        .setReason(review.reason())
        .setReviewer(review.reviewer())
        .setReviewedAt(review.reviewedAt())
        .setScheduledAt(review.scheduledAt())
        .build();
  }

  @Override
  public void close() {
    producer.close();
  }
}
