package org.librarycampaign.conflicts.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.librarycampaign.platform.state.KeyBytes;
import org.librarycampaign.platform.state.StateCodec;
import org.librarycampaign.platform.state.TimeOrderedKey;

/**
 * Posts and milestones of one partition with the indexes that keep every question the rules ask a
 * bounded range scan (the README's "Store layout" lists the key encodings):
 *
 * <ul>
 *   <li>which AVOID windows of a branch hold an instant: one scan of that instant's day page per
 *       scope;
 *   <li>which live posts are scheduled in a time range: one scan of the time-ordered post index;
 *   <li>whether a branch has a campaign post in a time range: one scan that stops at the first hit;
 *   <li>which AMPLIFY milestones of a branch start in a time range: one scan per scope.
 * </ul>
 *
 * Nothing here reads the whole of a store, except the branches of the partition (few).
 */
public final class CalendarState {

  /** Width of a page of the AVOID calendar: a window is listed on every page it overlaps. */
  static final Duration PAGE = Duration.ofDays(1);

  private static final byte[] NOTHING = new byte[0];

  private static final StateCodec<Post> POSTS = StateCodec.of(Post.class);
  private static final StateCodec<Milestone> MILESTONES = StateCodec.of(Milestone.class);
  private static final StateCodec<IndexEntry> INDEX = StateCodec.of(IndexEntry.class);

  /**
   * The value of an index entry: what a scan needs without reading the record.
   *
   * @param branchId of a post in the post schedule
   * @param campaignId of a post in the campaign schedule; null for one without a campaign
   * @param avoidUntil of an AVOID window in the avoid calendar
   */
  record IndexEntry(String branchId, String campaignId, Instant avoidUntil) {}

  private final Stores stores;

  /**
   * The stores the state is kept in.
   *
   * @param posts postId -> post (also withdrawn ones, for their last revision)
   * @param postSchedule live posts by time
   * @param campaignSchedule live campaign posts by branch and time
   * @param milestones milestoneId -> milestone (also cancelled ones)
   * @param avoidCalendar live AVOID windows by scope, day page and start
   * @param amplifyCalendar live AMPLIFY milestones by scope and start
   * @param branches the branches that have drafted a post
   */
  public record Stores(
      SortedStore posts,
      SortedStore postSchedule,
      SortedStore campaignSchedule,
      SortedStore milestones,
      SortedStore avoidCalendar,
      SortedStore amplifyCalendar,
      SortedStore branches) {
    public Stores {
      Objects.requireNonNull(posts);
      Objects.requireNonNull(postSchedule);
      Objects.requireNonNull(campaignSchedule);
      Objects.requireNonNull(milestones);
      Objects.requireNonNull(avoidCalendar);
      Objects.requireNonNull(amplifyCalendar);
      Objects.requireNonNull(branches);
    }
  }

  public CalendarState(Stores stores) {
    this.stores = stores;
  }

  // posts

  /**
   * The post {@link #branchOf} read for the event being handled ({@code checkedId} null: none): the
   * event's first read of the post takes it instead of reading and decoding it again. Valid until a
   * post is written or the event ends ({@link #endEvent}).
   */
  private String checkedId;

  private Post checked;

  /**
   * The branch of the post kept under {@code postId} (the branch it was first drafted for), null
   * for a post the calendar does not know; the post read is kept for the event's own read of it.
   */
  String branchOf(String postId) {
    checked = POSTS.decode(stores.posts.get(idKey(postId)));
    checkedId = postId;
    return checked == null ? null : checked.branchId();
  }

  /** The event is over: the next one reads the store. */
  void endEvent() {
    checkedId = null;
    checked = null;
  }

  Optional<Post> post(String postId) {
    if (postId.equals(checkedId)) {
      return Optional.ofNullable(checked);
    }
    return Optional.ofNullable(POSTS.decode(stores.posts.get(idKey(postId))));
  }

  /** Stores {@code updated}, moving its index entries from where {@code stored} had them. */
  void replacePost(Post stored, Post updated) {
    endEvent();
    if (stored != null && stored.live()) {
      stores.postSchedule.delete(scheduleKey(stored));
      if (stored.campaign()) {
        stores.campaignSchedule.delete(campaignKey(stored));
      }
    }
    stores.posts.put(idKey(updated.postId()), POSTS.encode(updated));
    if (updated.live()) {
      stores.postSchedule.put(
          scheduleKey(updated), INDEX.encode(new IndexEntry(updated.branchId(), null, null)));
      if (updated.campaign()) {
        stores.campaignSchedule.put(
            campaignKey(updated), INDEX.encode(new IndexEntry(null, updated.campaignId(), null)));
      }
    }
  }

  /** Live posts with {@code from <= scheduledAt < until}, by time then id. */
  List<ScheduledPost> postsScheduled(Instant from, Instant until) {
    List<ScheduledPost> found = new ArrayList<>();
    if (!from.isBefore(until)) {
      return found;
    }
    stores.postSchedule.scan(
        TimeOrderedKey.first(from).toBytes(),
        TimeOrderedKey.first(until).toBytes(),
        (key, value) -> {
          TimeOrderedKey scheduled = TimeOrderedKey.fromBytes(key);
          found.add(
              new ScheduledPost(scheduled.id(), INDEX.decode(value).branchId(), scheduled.at()));
          return true;
        });
    return found;
  }

  /**
   * The earliest live campaign post of the branch with {@code from <= scheduledAt < until} that
   * amplifies the milestone.
   */
  Optional<ScheduledPost> firstAmplifyingPost(
      String branchId, Milestone milestone, Instant from, Instant until) {
    ScheduledPost[] found = new ScheduledPost[1];
    stores.campaignSchedule.scan(
        KeyBytes.key().text(branchId).millis(from.toEpochMilli()).build(),
        KeyBytes.key().text(branchId).millis(until.toEpochMilli()).build(),
        (key, value) -> {
          if (!milestone.amplifiedBy(INDEX.decode(value).campaignId())) {
            return true;
          }
          KeyBytes.Reader reader = new KeyBytes.Reader(key);
          reader.text();
          Instant at = Instant.ofEpochMilli(reader.millis());
          found[0] = new ScheduledPost(reader.tail(), branchId, at);
          return false;
        });
    return Optional.ofNullable(found[0]);
  }

  // milestones

  Optional<Milestone> milestone(String milestoneId) {
    return Optional.ofNullable(MILESTONES.decode(stores.milestones.get(idKey(milestoneId))));
  }

  /** Stores {@code updated}, moving its calendar entries from where {@code stored} had them. */
  void replaceMilestone(Milestone stored, Milestone updated) {
    if (stored != null) {
      if (stored.avoids()) {
        for (byte[] key : avoidKeys(stored)) {
          stores.avoidCalendar.delete(key);
        }
      }
      if (stored.amplifies()) {
        stores.amplifyCalendar.delete(amplifyKey(stored));
      }
    }
    stores.milestones.put(idKey(updated.milestoneId()), MILESTONES.encode(updated));
    if (updated.avoids()) {
      byte[] until = INDEX.encode(new IndexEntry(null, null, updated.avoidUntil()));
      for (byte[] key : avoidKeys(updated)) {
        stores.avoidCalendar.put(key, until);
      }
    }
    if (updated.amplifies()) {
      stores.amplifyCalendar.put(amplifyKey(updated), NOTHING);
    }
  }

  /** The live AVOID milestones of the branch whose window holds {@code at}, by id. */
  Map<String, Milestone> avoidWindowsHolding(String branchId, Instant at) {
    Set<String> ids = new TreeSet<>();
    long millis = at.toEpochMilli();
    long page = page(millis);
    for (String scope : scopesOf(branchId)) {
      stores.avoidCalendar.scan(
          KeyBytes.key().text(scope).number(page).build(),
          KeyBytes.key().text(scope).number(page).millis(millis + 1).build(),
          (key, value) -> {
            if (INDEX.decode(value).avoidUntil().toEpochMilli() > millis) {
              KeyBytes.Reader reader = new KeyBytes.Reader(key);
              reader.text();
              reader.number();
              reader.millis();
              ids.add(reader.tail());
            }
            return true;
          });
    }
    return byId(ids);
  }

  /**
   * The live AMPLIFY milestones of the branch (its own and every-branch ones) with {@code after <
   * startsAt <= until}, by id.
   */
  Map<String, Milestone> amplifyMilestonesStarting(String branchId, Instant after, Instant until) {
    Set<String> ids = new TreeSet<>();
    for (String scope : scopesOf(branchId)) {
      stores.amplifyCalendar.scan(
          KeyBytes.key().text(scope).millis(after.toEpochMilli() + 1).build(),
          KeyBytes.key().text(scope).millis(until.toEpochMilli() + 1).build(),
          (key, value) -> {
            KeyBytes.Reader reader = new KeyBytes.Reader(key);
            reader.text();
            reader.millis();
            ids.add(reader.tail());
            return true;
          });
    }
    return byId(ids);
  }

  /** Every live AMPLIFY milestone of the branch (its own and every-branch ones), by id. */
  Map<String, Milestone> amplifyMilestonesOf(String branchId) {
    Set<String> ids = new TreeSet<>();
    for (String scope : scopesOf(branchId)) {
      byte[] prefix = KeyBytes.key().text(scope).build();
      stores.amplifyCalendar.scan(
          prefix,
          KeyBytes.prefixEnd(prefix),
          (key, value) -> {
            KeyBytes.Reader reader = new KeyBytes.Reader(key);
            reader.text();
            reader.millis();
            ids.add(reader.tail());
            return true;
          });
    }
    return byId(ids);
  }

  // branches

  boolean knowsBranch(String branchId) {
    return stores.branches.get(idKey(branchId)) != null;
  }

  void addBranch(String branchId) {
    stores.branches.put(idKey(branchId), NOTHING);
  }

  /** The branches of this partition that have drafted a post, in order. */
  List<String> branches() {
    List<String> found = new ArrayList<>();
    stores.branches.scan(
        NOTHING,
        null,
        (key, value) -> {
          found.add(new KeyBytes.Reader(key).tail());
          return true;
        });
    return found;
  }

  // retention

  /** How many posts and milestones {@link #forgetEndedBefore} deleted. */
  public record Forgotten(int posts, int milestones) {}

  /**
   * Deletes, with their index entries, the posts scheduled before {@code cutoff} and the milestones
   * whose window (buffer included) ended before it (README: retention). A later event about one of
   * them finds nothing: a draft is a new post, a withdrawal or a cancellation changes nothing.
   */
  public Forgotten forgetEndedBefore(Instant cutoff) {
    endEvent();
    List<Post> posts = new ArrayList<>();
    stores.posts.scan(
        NOTHING,
        null,
        (key, value) -> {
          Post post = POSTS.decode(value);
          if (post.scheduledAt().isBefore(cutoff)) {
            posts.add(post);
          }
          return true;
        });
    for (Post post : posts) {
      if (post.live()) {
        stores.postSchedule.delete(scheduleKey(post));
        if (post.campaign()) {
          stores.campaignSchedule.delete(campaignKey(post));
        }
      }
      stores.posts.delete(idKey(post.postId()));
    }
    List<Milestone> milestones = new ArrayList<>();
    stores.milestones.scan(
        NOTHING,
        null,
        (key, value) -> {
          Milestone milestone = MILESTONES.decode(value);
          if (milestone.avoidUntil().isBefore(cutoff)) {
            milestones.add(milestone);
          }
          return true;
        });
    for (Milestone milestone : milestones) {
      if (milestone.avoids()) {
        for (byte[] key : avoidKeys(milestone)) {
          stores.avoidCalendar.delete(key);
        }
      }
      if (milestone.amplifies()) {
        stores.amplifyCalendar.delete(amplifyKey(milestone));
      }
      stores.milestones.delete(idKey(milestone.milestoneId()));
    }
    return new Forgotten(posts.size(), milestones.size());
  }

  // keys

  private static byte[] idKey(String id) {
    return KeyBytes.key().tail(id).build();
  }

  private static byte[] scheduleKey(Post post) {
    return new TimeOrderedKey(post.scheduledAt(), post.postId()).toBytes();
  }

  private static byte[] campaignKey(Post post) {
    return KeyBytes.key()
        .text(post.branchId())
        .millis(post.scheduledAt().toEpochMilli())
        .tail(post.postId())
        .build();
  }

  private static byte[] amplifyKey(Milestone milestone) {
    return KeyBytes.key()
        .text(milestone.scope())
        .millis(milestone.startsAt().toEpochMilli())
        .tail(milestone.milestoneId())
        .build();
  }

  /** One key per day page the window overlaps. */
  private static List<byte[]> avoidKeys(Milestone milestone) {
    long from = milestone.avoidFrom().toEpochMilli();
    long lastMillis = milestone.avoidUntil().toEpochMilli() - 1;
    List<byte[]> keys = new ArrayList<>();
    for (long page = page(from); page <= page(lastMillis); page++) {
      keys.add(
          KeyBytes.key()
              .text(milestone.scope())
              .number(page)
              .millis(from)
              .tail(milestone.milestoneId())
              .build());
    }
    return keys;
  }

  private static long page(long epochMillis) {
    return Math.floorDiv(epochMillis, PAGE.toMillis());
  }

  private static Set<String> scopesOf(String branchId) {
    Set<String> scopes = new LinkedHashSet<>();
    scopes.add(branchId);
    scopes.add(Milestone.EVERY_BRANCH);
    return scopes;
  }

  private Map<String, Milestone> byId(Set<String> ids) {
    Map<String, Milestone> found = new TreeMap<>();
    for (String id : ids) {
      found.put(id, milestone(id).orElseThrow());
    }
    return found;
  }
}
