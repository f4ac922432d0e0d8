package org.librarycampaign.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.DecisionStatus;
import library.campaign.events.MediaKind;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.ReviewAction;
import library.campaign.events.Severity;
import library.campaign.events.WarningCode;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.governance.decision.ReviewEntry;
import org.librarycampaign.governance.decision.ReviewRecord;
import org.librarycampaign.governance.decision.Warning;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.platform.state.StateCodec;
import org.librarycampaign.platform.state.StateLayout;
import org.librarycampaign.platform.state.StateReader;
import org.librarycampaign.platform.state.StateWriter;

/**
 * The stored forms of governance's own state: store values, their changelogs and the internal
 * hashtag topics, all by platform's {@link StateCodec}. These never leave the service, so they are
 * not Avro contract types. Records are stored as they are; the two mutable domain classes through a
 * stored record, so that their stored form changes only on purpose.
 */
public final class StateCodecs {

  // Every draft reads a ledger and a first use and writes a post record and a ledger: these are
  // written in their own binary layouts (format 3, docs/PERFORMANCE.md#what-the-profile-showed),
  // and the values stored by name before (format 2) still read.
  private static final StateCodec<PostRecord> POST_RECORDS =
      StateCodec.of(PostRecord.class).withLayout(new PostRecordLayout());
  private static final StateCodec<BalanceLedger> LEDGERS =
      StateCodec.of(StoredLedger.class)
          .as(StoredLedger::of, StoredLedger::ledger)
          .withLayout(new LedgerLayout());
  private static final StateCodec<BranchCrises> CRISES =
      StateCodec.of(StoredCrises.class).as(StoredCrises::of, StoredCrises::crises);
  private static final StateCodec<HashtagUse> HASHTAG_USES =
      StateCodec.of(HashtagUse.class).withLayout(new HashtagUseLayout());

  /**
   * Written on reviews (and, before the post record kept the draft, with every draft): in its own
   * layout too, since writing it by name was the largest single cost of a draft after the stores
   * themselves (docs/PERFORMANCE.md#profiling); values stored by name still read.
   */
  private static final StateCodec<ReviewRecord> REVIEW_RECORDS =
      StateCodec.of(ReviewRecord.class).withLayout(new ReviewRecordLayout());

  private StateCodecs() {}

  public static StateCodec<ReviewRecord> reviewRecords() {
    return REVIEW_RECORDS;
  }

  public static StateCodec<PostRecord> postRecords() {
    return POST_RECORDS;
  }

  public static StateCodec<BalanceLedger> ledgers() {
    return LEDGERS;
  }

  static StateCodec<BranchCrises> crises() {
    return CRISES;
  }

  public static StateCodec<HashtagUse> hashtagUses() {
    return HASHTAG_USES;
  }

  private static void writeWindow(StateWriter out, WindowKey window) {
    out.writeString(window.branchId());
    out.writeEnum(window.platform());
    out.writeDate(window.monday());
  }

  /** A draft: a presence flag, then its components in their order, each list as a count. */
  private static void writeDraft(StateWriter out, Draft draft) {
    out.writeBoolean(draft != null);
    if (draft == null) {
      return;
    }
    out.writeString(draft.postId());
    out.writeInt(draft.revision());
    out.writeString(draft.branchId());
    out.writeEnum(draft.platform());
    out.writeEnum(draft.category());
    out.writeString(draft.campaignId());
    out.writeString(draft.text());
    writeStrings(out, draft.hashtags());
    writeStrings(out, draft.mentions());
    writeStrings(out, draft.links());
    out.writeInt(draft.mediaCount());
    out.writeInstant(draft.scheduledAt());
    out.writeInstant(draft.draftedAt());
    out.writeCount(draft.mediaKinds().size());
    for (MediaKind kind : draft.mediaKinds()) {
      out.writeEnum(kind);
    }
  }

  private static Draft readDraft(StateReader in) {
    if (!in.readBoolean()) {
      return null;
    }
    String postId = in.readString();
    int revision = in.readInt();
    String branchId = in.readString();
    Platform platform = in.readEnum(Platform.class);
    PostCategory category = in.readEnum(PostCategory.class);
    String campaignId = in.readString();
    String text = in.readString();
    List<String> hashtags = readStrings(in);
    List<String> mentions = readStrings(in);
    List<String> links = readStrings(in);
    int mediaCount = in.readInt();
    Instant scheduledAt = in.readInstant();
    Instant draftedAt = in.readInstant();
    int kinds = in.readCount();
    List<MediaKind> mediaKinds = new ArrayList<>(Math.min(kinds, 16));
    for (int i = 0; i < kinds; i++) {
      mediaKinds.add(in.readEnum(MediaKind.class));
    }
    return new Draft(
        postId,
        revision,
        branchId,
        platform,
        category,
        campaignId,
        text,
        hashtags,
        mentions,
        links,
        mediaCount,
        scheduledAt,
        draftedAt,
        mediaKinds);
  }

  private static void writeStrings(StateWriter out, List<String> values) {
    out.writeCount(values.size());
    for (String value : values) {
      out.writeString(value);
    }
  }

  private static List<String> readStrings(StateReader in) {
    int count = in.readCount();
    List<String> values = new ArrayList<>(Math.min(count, 16));
    for (int i = 0; i < count; i++) {
      values.add(in.readString());
    }
    return values;
  }

  private static WindowKey readWindow(StateReader in) {
    return new WindowKey(in.readString(), in.readEnum(Platform.class), in.readDate());
  }

  /**
   * {@link PostRecord}, version 3: its components in their order, warnings, then the draft; each
   * warning's network look-up fields (a presence flag and the count, the example address) since
   * version 2; the draft (as in {@link ReviewRecordLayout}) since version 3, none before.
   */
  static final class PostRecordLayout implements StateLayout<PostRecord> {

    @Override
    public int version() {
      return 3;
    }

    @Override
    public void write(StateWriter out, PostRecord post) {
      out.writeString(post.postId());
      out.writeInt(post.revision());
      out.writeString(post.branchId());
      out.writeEnum(post.platform());
      out.writeEnum(post.category());
      out.writeString(post.campaignId());
      out.writeInstant(post.scheduledAt());
      out.writeInstant(post.draftedAt());
      writeWindow(out, post.window());
      out.writeDate(post.day());
      out.writeEnum(post.status());
      out.writeBoolean(post.released());
      out.writeCount(post.warnings().size());
      for (Warning warning : post.warnings()) {
        out.writeEnum(warning.code());
        out.writeString(warning.message());
        out.writeString(warning.hashtag());
        out.writeString(warning.firstUsedBy());
        out.writeInstant(warning.firstUsedAt());
        out.writeBoolean(warning.usesElsewhere() != null);
        if (warning.usesElsewhere() != null) {
          out.writeInt(warning.usesElsewhere());
        }
        out.writeString(warning.exampleUrl());
      }
      writeDraft(out, post.draft());
    }

    @Override
    public PostRecord read(StateReader in, int version) {
      String postId = in.readString();
      int revision = in.readInt();
      String branchId = in.readString();
      Platform platform = in.readEnum(Platform.class);
      PostCategory category = in.readEnum(PostCategory.class);
      String campaignId = in.readString();
      Instant scheduledAt = in.readInstant();
      Instant draftedAt = in.readInstant();
      WindowKey window = readWindow(in);
      LocalDate day = in.readDate();
      DecisionStatus status = in.readEnum(DecisionStatus.class);
      boolean released = in.readBoolean();
      int count = in.readCount();
      List<Warning> warnings = new ArrayList<>(Math.min(count, 16));
      for (int i = 0; i < count; i++) {
        WarningCode code = in.readEnum(WarningCode.class);
        String message = in.readString();
        String hashtag = in.readString();
        String firstUsedBy = in.readString();
        Instant firstUsedAt = in.readInstant();
        Integer usesElsewhere = null;
        String exampleUrl = null;
        if (version >= 2) {
          usesElsewhere = in.readBoolean() ? in.readInt() : null;
          exampleUrl = in.readString();
        }
        warnings.add(
            new Warning(
                code, message, hashtag, firstUsedBy, firstUsedAt, usesElsewhere, exampleUrl));
      }
      Draft draft = version >= 3 ? readDraft(in) : null;
      return new PostRecord(
          postId,
          revision,
          branchId,
          platform,
          category,
          campaignId,
          scheduledAt,
          draftedAt,
          window,
          day,
          status,
          released,
          warnings,
          draft);
    }
  }

  /**
   * {@link BalanceLedger}, version 2: window, counts, approved per day (date, count), held queue
   * (post id, day), oldest first, then the spaced posts (post id, scheduled time), earliest first.
   * Version 1 (before spacing) ends after the held queue and reads with no spaced posts.
   */
  static final class LedgerLayout implements StateLayout<BalanceLedger> {

    @Override
    public int version() {
      return 2;
    }

    @Override
    public void write(StateWriter out, BalanceLedger ledger) {
      writeWindow(out, ledger.key());
      out.writeInt(ledger.approvedContent());
      out.writeInt(ledger.approvedCampaign());
      out.writeCount(ledger.approvedPerDay().size());
      for (Map.Entry<LocalDate, Integer> day : ledger.approvedPerDay().entrySet()) {
        out.writeDate(day.getKey());
        out.writeInt(day.getValue());
      }
      out.writeCount(ledger.held().size());
      for (BalanceLedger.Held held : ledger.held()) {
        out.writeString(held.postId());
        out.writeDate(held.day());
      }
      out.writeCount(ledger.spaced().size());
      for (BalanceLedger.Spaced spaced : ledger.spaced()) {
        out.writeString(spaced.postId());
        out.writeInstant(spaced.at());
      }
    }

    @Override
    public BalanceLedger read(StateReader in, int version) {
      WindowKey key = readWindow(in);
      int approvedContent = in.readInt();
      int approvedCampaign = in.readInt();
      int days = in.readCount();
      Map<LocalDate, Integer> perDay = new HashMap<>();
      for (int i = 0; i < days; i++) {
        perDay.put(in.readDate(), in.readInt());
      }
      int count = in.readCount();
      List<BalanceLedger.Held> held = new ArrayList<>(Math.min(count, 64));
      for (int i = 0; i < count; i++) {
        held.add(new BalanceLedger.Held(in.readString(), in.readDate()));
      }
      List<BalanceLedger.Spaced> spaced = new ArrayList<>();
      if (version >= 2) {
        int spacedCount = in.readCount();
        for (int i = 0; i < spacedCount; i++) {
          spaced.add(new BalanceLedger.Spaced(in.readString(), in.readInstant()));
        }
      }
      return new BalanceLedger(key, approvedContent, approvedCampaign, perDay, held, spaced);
    }
  }

  /**
   * {@link ReviewRecord}, version 1: the draft (a presence flag, then its components in their
   * order, each list as a count and its items), the trail (a count, then each entry's components in
   * their order), then the override and the signature (each a presence flag and its components).
   */
  static final class ReviewRecordLayout implements StateLayout<ReviewRecord> {

    @Override
    public int version() {
      return 1;
    }

    @Override
    public void write(StateWriter out, ReviewRecord record) {
      writeDraft(out, record.draft());
      out.writeCount(record.trail().size());
      for (ReviewEntry entry : record.trail()) {
        out.writeInt(entry.revision());
        out.writeEnum(entry.action());
        out.writeString(entry.reviewer());
        out.writeString(entry.reason());
        out.writeInstant(entry.at());
        out.writeInstant(entry.scheduledAt());
      }
      writeStamp(out, record.override());
      writeStamp(out, record.signature());
    }

    @Override
    public ReviewRecord read(StateReader in, int version) {
      Draft draft = readDraft(in);
      int entries = in.readCount();
      List<ReviewEntry> trail = new ArrayList<>(Math.min(entries, 16));
      for (int i = 0; i < entries; i++) {
        trail.add(
            new ReviewEntry(
                in.readInt(),
                in.readEnum(ReviewAction.class),
                in.readString(),
                in.readString(),
                in.readInstant(),
                in.readInstant()));
      }
      return new ReviewRecord(draft, trail, readStamp(in), readStamp(in));
    }

    private static void writeStamp(StateWriter out, ReviewRecord.Stamp stamp) {
      out.writeBoolean(stamp != null);
      if (stamp != null) {
        out.writeInt(stamp.revision());
        out.writeString(stamp.reviewer());
        out.writeString(stamp.reason());
        out.writeInstant(stamp.at());
      }
    }

    private static ReviewRecord.Stamp readStamp(StateReader in) {
      return in.readBoolean()
          ? new ReviewRecord.Stamp(in.readInt(), in.readString(), in.readString(), in.readInstant())
          : null;
    }
  }

  /** {@link HashtagUse}, version 1: its components in their order. */
  static final class HashtagUseLayout implements StateLayout<HashtagUse> {

    @Override
    public int version() {
      return 1;
    }

    @Override
    public void write(StateWriter out, HashtagUse use) {
      out.writeString(use.hashtag());
      out.writeString(use.branchId());
      out.writeString(use.campaignId());
      out.writeString(use.postId());
      out.writeInstant(use.usedAt());
    }

    @Override
    public HashtagUse read(StateReader in, int version) {
      return new HashtagUse(
          in.readString(), in.readString(), in.readString(), in.readString(), in.readInstant());
    }
  }

  /** A {@link BalanceLedger} as stored. */
  record StoredLedger(
      WindowKey key,
      int approvedContent,
      int approvedCampaign,
      Map<LocalDate, Integer> approvedPerDay,
      List<BalanceLedger.Held> held,
      List<BalanceLedger.Spaced> spaced) {

    static StoredLedger of(BalanceLedger ledger) {
      return new StoredLedger(
          ledger.key(),
          ledger.approvedContent(),
          ledger.approvedCampaign(),
          ledger.approvedPerDay(),
          ledger.held(),
          ledger.spaced());
    }

    BalanceLedger ledger() {
      return new BalanceLedger(
          key,
          approvedContent,
          approvedCampaign,
          approvedPerDay,
          held,
          spaced == null ? List.of() : spaced);
    }
  }

  /** A {@link BranchCrises} as stored: its open incidents and their severities. */
  record StoredCrises(Map<String, Severity> open) {

    static StoredCrises of(BranchCrises crises) {
      return new StoredCrises(crises.open());
    }

    BranchCrises crises() {
      return new BranchCrises(open);
    }
  }
}
