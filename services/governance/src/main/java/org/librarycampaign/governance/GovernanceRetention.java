package org.librarycampaign.governance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.governance.decision.ReviewRecord;
import org.librarycampaign.platform.state.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of governance's posts and weeks (services/governance/README.md, "Retention"): every
 * {@code campaign.retention.check-interval} of stream time, the post records and the ledgers of
 * weeks that ended more than {@code campaign.retention.horizon} before the newest input record are
 * deleted. Stream time, not the wall clock: the decisions depend on the input alone, so a replay
 * (and {@code campaign plan}) forgets the same things at the same points.
 */
final class GovernanceRetention {

  private static final Logger LOGGER = LoggerFactory.getLogger(GovernanceRetention.class);

  /** How many post records and ledgers {@link #forget} deleted. */
  record Forgotten(int posts, int ledgers) {}

  private GovernanceRetention() {}

  /** Schedules the purge in the task of {@code context}, over its post and ledger stores. */
  static void schedule(ProcessorContext<?, ?> context, Retention retention) {
    KeyValueStore<String, PostRecord> posts = context.getStateStore(GovernanceTopology.POSTS_STORE);
    KeyValueStore<String, BalanceLedger> ledgers =
        context.getStateStore(GovernanceTopology.LEDGERS_STORE);
    KeyValueStore<String, ReviewRecord> reviews =
        context.getStateStore(GovernanceTopology.REVIEWS_STORE);
    context.schedule(
        retention.checkInterval(),
        PunctuationType.STREAM_TIME,
        streamTime -> forget(posts, ledgers, reviews, retention, Instant.ofEpochMilli(streamTime)));
  }

  static Forgotten forget(
      KeyValueStore<String, PostRecord> posts,
      KeyValueStore<String, BalanceLedger> ledgers,
      Retention retention,
      Instant now) {
    return forget(posts, ledgers, null, retention, now);
  }

  /** As above; a forgotten post's reviews go with it. */
  static Forgotten forget(
      KeyValueStore<String, PostRecord> posts,
      KeyValueStore<String, BalanceLedger> ledgers,
      KeyValueStore<String, ReviewRecord> reviews,
      Retention retention,
      Instant now) {
    List<String> oldPosts = new ArrayList<>();
    try (KeyValueIterator<String, PostRecord> all = posts.all()) {
      all.forEachRemaining(
          entry -> {
            if (entry.value != null && retention.expired(over(entry.value.window()), now)) {
              oldPosts.add(entry.key);
            }
          });
    }
    oldPosts.forEach(posts::delete);
    if (reviews != null) {
      oldPosts.forEach(reviews::delete);
    }
    List<String> oldLedgers = new ArrayList<>();
    try (KeyValueIterator<String, BalanceLedger> all = ledgers.all()) {
      all.forEachRemaining(
          entry -> {
            if (entry.value != null && retention.expired(over(entry.value.key()), now)) {
              oldLedgers.add(entry.key);
            }
          });
    }
    oldLedgers.forEach(ledgers::delete);
    if (!oldPosts.isEmpty() || !oldLedgers.isEmpty()) {
      LOGGER
          .atInfo()
          .addKeyValue("posts", oldPosts.size())
          .addKeyValue("ledgers", oldLedgers.size())
          .addKeyValue("horizon", retention.horizon())
          .log("Forgot posts and weeks past the retention horizon");
    }
    return new Forgotten(oldPosts.size(), oldLedgers.size());
  }

  /**
   * When a week is over in every zone: the end of its Sunday at UTC-12 is at most the next Tuesday
   * 00:00 UTC, the day added keeps clear of any offset.
   */
  static Instant over(WindowKey window) {
    return window.monday().plusDays(8).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
