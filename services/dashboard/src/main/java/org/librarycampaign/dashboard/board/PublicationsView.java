package org.librarycampaign.dashboard.board;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.dashboard.facts.PublicationFact;

/**
 * What the publisher did with each approved post revision ({@code campaign.publications}): the
 * latest receipt per revision, the latest first (at most {@link #SHOWN}), and the posts waiting in
 * the publisher's local outbox ({@code <data dir>/outbox-posts/}) because their channel has no
 * publisher configured, earliest scheduled first: someone copies those by hand.
 *
 * @param counts how many revisions stand at each outcome
 * @param latest the latest receipts, newest first
 * @param outboxDirectory the publisher's outbox folder, for the reader to open the files
 * @param outbox the posts in it, earliest scheduled first (at most {@link #SHOWN})
 */
public record PublicationsView(
    Counts counts, List<Entry> latest, String outboxDirectory, List<Entry> outbox) {

  /** How many revisions stand at each outcome; {@code outbox} counts the published ones in it. */
  public record Counts(int published, int retrying, int failed, int skipped, int outbox) {}

  /**
   * One post revision and its latest receipt.
   *
   * @param platform the channel's platform ({@code MASTODON}), for the reader
   * @param text the revision's text, when the dashboard knows that revision
   * @param file the outbox file, relative to the outbox folder, when it is in the outbox
   */
  public record Entry(
      String postId,
      int revision,
      String branchId,
      String channelId,
      String platform,
      String status,
      String publisher,
      Instant scheduledAt,
      int attempt,
      String url,
      String remoteId,
      Instant nextAttemptAt,
      String reason,
      Instant at,
      String text,
      String file) {}

  static final int SHOWN = 50;

  public PublicationsView {
    latest = List.copyOf(latest);
    outbox = List.copyOf(outbox);
  }

  static PublicationsView of(Facts facts, String outboxDirectory) {
    Map<String, PostFact> posts = new HashMap<>();
    facts.posts().forEach(p -> posts.put(p.postId(), p));
    List<Entry> all = new ArrayList<>();
    int published = 0;
    int retrying = 0;
    int failed = 0;
    int skipped = 0;
    for (PublicationFact p : facts.publications()) {
      switch (p.status()) {
        case "PUBLISHED" -> published++;
        case "RETRYING" -> retrying++;
        case "FAILED" -> failed++;
        case "SKIPPED" -> skipped++;
        default -> {}
      }
      PostFact post = posts.get(p.postId());
      String text = post != null && post.revision() == p.revision() ? post.text() : null;
      all.add(
          new Entry(
              p.postId(),
              p.revision(),
              p.branchId(),
              p.channelId(),
              platform(p.channelId()),
              p.status(),
              p.publisher(),
              p.scheduledAt(),
              p.attempt(),
              p.url(),
              p.remoteId(),
              p.nextAttemptAt(),
              p.reason(),
              p.at(),
              text,
              p.inOutbox() ? outboxFile(p.branchId(), p.postId(), p.revision()) : null));
    }
    List<Entry> outbox =
        all.stream()
            .filter(e -> e.file() != null)
            .sorted(
                Comparator.comparing(Entry::scheduledAt)
                    .thenComparing(Entry::postId)
                    .thenComparingInt(Entry::revision))
            .toList();
    List<Entry> latest =
        all.stream()
            .sorted(
                Comparator.comparing(Entry::at, Comparator.reverseOrder())
                    .thenComparing(Entry::postId)
                    .thenComparingInt(Entry::revision))
            .limit(SHOWN)
            .toList();
    return new PublicationsView(
        new Counts(published, retrying, failed, skipped, outbox.size()),
        latest,
        outboxDirectory,
        outbox.subList(0, Math.min(SHOWN, outbox.size())));
  }

  private static String platform(String channelId) {
    int slash = channelId.lastIndexOf('/');
    return slash < 0 ? channelId : channelId.substring(slash + 1);
  }

  /**
   * The publisher's outbox file of a revision, {@code <branchId>/<postId>@<revision>.json}, with
   * every character other than a letter, digit, {@code -} or {@code _} written {@code %XX} (the
   * publisher's README, "Publishers").
   */
  static String outboxFile(String branchId, String postId, int revision) {
    return fileName(branchId) + "/" + fileName(postId) + "@" + revision + ".json";
  }

  private static String fileName(String id) {
    StringBuilder name = new StringBuilder();
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        name.append(c);
      } else {
        name.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return name.toString();
  }
}
