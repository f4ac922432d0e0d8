package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.Severity;
import library.campaign.events.WarningCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.governance.decision.Warning;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.platform.state.StateCodec;

/**
 * Every stored type of governance reads back as written, and its older shapes still read: those
 * written by name (format 2, before the binary layouts) and those of older fields.
 */
class StoredStateTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");
  private static final WindowKey WEEK =
      new WindowKey("westside", Platform.FACEBOOK, LocalDate.parse("2026-11-30"));

  @Property
  void aPostRecordReadsBackEqual(@ForAll("posts") PostRecord post) {
    assertThat(roundTrip(StateCodecs.postRecords(), post)).isEqualTo(post);
  }

  @Property
  void aLedgerReadsBackEqual(@ForAll("ledgers") BalanceLedger ledger) {
    assertThat(roundTrip(StateCodecs.ledgers(), ledger)).isEqualTo(ledger);
  }

  @Property
  void branchCrisesReadBackEqual(@ForAll("crises") BranchCrises crises) {
    assertThat(roundTrip(StateCodecs.crises(), crises)).isEqualTo(crises);
  }

  @Property
  void aHashtagUseReadsBackEqual(@ForAll("uses") HashtagUse use) {
    assertThat(roundTrip(StateCodecs.hashtagUses(), use)).isEqualTo(use);
  }

  /** The codecs by name alone, as every value was written before the binary layouts. */
  private static final StateCodec<PostRecord> POSTS_BY_NAME = StateCodec.of(PostRecord.class);

  private static final StateCodec<BalanceLedger> LEDGERS_BY_NAME =
      StateCodec.of(StateCodecs.StoredLedger.class)
          .as(StateCodecs.StoredLedger::of, StateCodecs.StoredLedger::ledger);
  private static final StateCodec<HashtagUse> USES_BY_NAME = StateCodec.of(HashtagUse.class);

  @Property
  void aPostRecordStoredByNameStillReads(@ForAll("posts") PostRecord post) {
    assertThat(StateCodecs.postRecords().decode(POSTS_BY_NAME.encode(post))).isEqualTo(post);
  }

  @Property
  void aLedgerStoredByNameStillReads(@ForAll("ledgers") BalanceLedger ledger) {
    assertThat(StateCodecs.ledgers().decode(LEDGERS_BY_NAME.encode(ledger))).isEqualTo(ledger);
  }

  @Property
  void aHashtagUseStoredByNameStillReads(@ForAll("uses") HashtagUse use) {
    assertThat(StateCodecs.hashtagUses().decode(USES_BY_NAME.encode(use))).isEqualTo(use);
  }

  @Example
  void theHotTypesAreWrittenInTheirLayoutAndAreSmallerThanByName() {
    PostRecord post =
        new PostRecord(
            "p1",
            1,
            "westside",
            Platform.FACEBOOK,
            PostCategory.CAMPAIGN,
            "budget",
            T0,
            T0,
            WEEK,
            LocalDate.parse("2026-12-01"),
            DecisionStatus.APPROVED,
            false,
            List.of());
    BalanceLedger ledger =
        new BalanceLedger(
            WEEK,
            6,
            2,
            Map.of(LocalDate.parse("2026-12-01"), 4),
            List.of(new BalanceLedger.Held("p9", LocalDate.parse("2026-12-02"))));

    byte[] storedPost = StateCodecs.postRecords().encode(post);
    byte[] storedLedger = StateCodecs.ledgers().encode(ledger);
    byte[] storedUse =
        StateCodecs.hashtagUses().encode(new HashtagUse("#Fund", "westside", null, "p1", T0));

    assertThat(List.of(storedPost[0], storedLedger[0], storedUse[0])).containsOnly((byte) 3);
    assertThat(storedPost.length).isLessThan(POSTS_BY_NAME.encode(post).length / 2);
    assertThat(storedLedger.length).isLessThan(LEDGERS_BY_NAME.encode(ledger).length / 2);
  }

  @Example
  void aPostRecordStoredBeforeWarningsWereKeptReadsWithNone() {
    byte[] older =
        StateCodec.fromJson(
            "{\"postId\":\"p1\",\"revision\":1,\"branchId\":\"westside\","
                + "\"platform\":\"FACEBOOK\",\"category\":\"CAMPAIGN\","
                + "\"scheduledAt\":1796137200000,\"draftedAt\":1796137200000,"
                + "\"window\":{\"branchId\":\"westside\",\"platform\":\"FACEBOOK\","
                + "\"monday\":[2026,11,30]},\"day\":[2026,12,1],\"status\":\"HELD\"}");

    assertThat(StateCodecs.postRecords().decode(older))
        .isEqualTo(
            new PostRecord(
                "p1",
                1,
                "westside",
                Platform.FACEBOOK,
                PostCategory.CAMPAIGN,
                null,
                T0,
                T0,
                WEEK,
                LocalDate.parse("2026-12-01"),
                DecisionStatus.HELD,
                false,
                List.of()));
  }

  @Example
  void aLedgerStoredBeforeTheHeldQueueReadsWithAnEmptyQueue() {
    byte[] older =
        StateCodec.fromJson(
            "{\"key\":{\"branchId\":\"westside\",\"platform\":\"FACEBOOK\","
                + "\"monday\":[2026,11,30]},\"approvedContent\":3,\"approvedCampaign\":1,"
                + "\"approvedPerDay\":{\"2026-12-01\":4}}");

    assertThat(StateCodecs.ledgers().decode(older))
        .isEqualTo(
            new BalanceLedger(WEEK, 3, 1, Map.of(LocalDate.parse("2026-12-01"), 4), List.of()));
  }

  /**
   * A ledger in layout version 1, as written before spacing (format byte 3, version 1, then the
   * fields up to the held queue): it reads with no spaced posts, so old changelogs still restore.
   */
  @Example
  void aLedgerInLayoutVersion1ReadsWithNoSpacedPosts() {
    BalanceLedger before =
        new BalanceLedger(
            WEEK,
            3,
            1,
            Map.of(LocalDate.parse("2026-12-01"), 4),
            List.of(new BalanceLedger.Held("p9", LocalDate.parse("2026-12-02"))));
    byte[] current = StateCodecs.ledgers().encode(before);
    // version 2 writes one more count (no spaced posts: a single zero byte) after version 1's
    // fields
    byte[] version1 = java.util.Arrays.copyOf(current, current.length - 1);
    version1[1] = 1;

    assertThat(current[0]).isEqualTo((byte) 3);
    assertThat(current[1]).isEqualTo((byte) 2);
    assertThat(current[current.length - 1]).isZero();
    assertThat(StateCodecs.ledgers().decode(version1)).isEqualTo(before);
  }

  @Example
  void aLedgerStoredByNameBeforeSpacingReadsWithNoSpacedPosts() {
    byte[] older =
        StateCodec.fromJson(
            "{\"key\":{\"branchId\":\"westside\",\"platform\":\"FACEBOOK\","
                + "\"monday\":[2026,11,30]},\"approvedContent\":3,\"approvedCampaign\":1,"
                + "\"approvedPerDay\":{\"2026-12-01\":4},\"held\":[]}");

    assertThat(StateCodecs.ledgers().decode(older).spaced()).isEmpty();
  }

  @Example
  void crisesStoredWithoutIncidentsReadAsNone() {
    assertThat(StateCodecs.crises().decode(StateCodec.fromJson("{}")))
        .isEqualTo(new BranchCrises());
  }

  @Example
  void aHashtagUseStoredWithoutACampaignReadsAsTheBranchs() {
    byte[] older =
        StateCodec.fromJson(
            "{\"hashtag\":\"#Fund\",\"branchId\":\"westside\",\"postId\":\"p1\","
                + "\"usedAt\":1796137200000}");

    assertThat(StateCodecs.hashtagUses().decode(older))
        .isEqualTo(new HashtagUse("#Fund", "westside", null, "p1", T0));
  }

  @Provide
  Arbitrary<PostRecord> posts() {
    Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8);
    Arbitrary<Warning> warnings =
        Combinators.combine(
                Arbitraries.of(WarningCode.class),
                Arbitraries.strings().ofMaxLength(20),
                ids.injectNull(0.5),
                ids.injectNull(0.5),
                instants().injectNull(0.5),
                Arbitraries.integers().between(0, 1000).injectNull(0.5),
                ids.injectNull(0.5))
            .as(Warning::new);
    Arbitrary<Head> heads =
        Combinators.combine(
                ids,
                Arbitraries.integers().between(0, 100),
                Arbitraries.of(Platform.class),
                Arbitraries.of(PostCategory.class),
                ids.injectNull(0.5))
            .as(Head::new);
    return Combinators.combine(
            heads,
            windows(),
            instants(),
            instants(),
            Arbitraries.integers().between(0, 6),
            Arbitraries.of(DecisionStatus.class),
            Arbitraries.of(true, false),
            warnings.list().ofMaxSize(3))
        .as(
            (head, window, scheduledAt, draftedAt, dayOfWeek, status, released, warningList) ->
                new PostRecord(
                    head.postId(),
                    head.revision(),
                    window.branchId(),
                    window.platform(),
                    head.category(),
                    head.campaignId(),
                    scheduledAt,
                    draftedAt,
                    window,
                    window.monday().plusDays(dayOfWeek),
                    status,
                    released,
                    warningList));
  }

  private record Head(
      String postId, int revision, Platform platform, PostCategory category, String campaignId) {}

  @Provide
  Arbitrary<BalanceLedger> ledgers() {
    Arbitrary<LocalDate> days = Arbitraries.longs().between(0, 40_000).map(LocalDate::ofEpochDay);
    return Combinators.combine(
            windows(),
            Arbitraries.integers().between(0, 50),
            Arbitraries.integers().between(0, 50),
            Arbitraries.maps(days, Arbitraries.integers().between(1, 9)).ofMaxSize(7),
            Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), days)
                .as(BalanceLedger.Held::new)
                .list()
                .ofMaxSize(4),
            Combinators.combine(
                    Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), instants())
                .as(BalanceLedger.Spaced::new)
                .list()
                .ofMaxSize(4))
        .as(BalanceLedger::new);
  }

  @Provide
  Arbitrary<BranchCrises> crises() {
    return Arbitraries.maps(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
            Arbitraries.of(Severity.class))
        .ofMaxSize(4)
        .map(BranchCrises::new);
  }

  @Provide
  Arbitrary<HashtagUse> uses() {
    Arbitrary<String> ids = Arbitraries.strings().ofMinLength(1).ofMaxLength(8);
    return Combinators.combine(ids, ids, ids.injectNull(0.5), ids, instants()).as(HashtagUse::new);
  }

  private static Arbitrary<WindowKey> windows() {
    return Combinators.combine(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
            Arbitraries.of(Platform.class),
            Arbitraries.longs()
                .between(0, 40_000)
                .map(
                    day ->
                        LocalDate.ofEpochDay(day)
                            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))))
        .as(WindowKey::new);
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
  }

  private static <T> T roundTrip(StateCodec<T> codec, T value) {
    return codec.decode(codec.encode(value));
  }
}
