package org.librarycampaign.bench.jmh;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import org.librarycampaign.governance.StateCodecs;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.platform.state.StateCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Governance's two hot stored values, as every draft reads and writes them: a post record (written)
 * and a week's ledger (read and written), with the codec governance uses ({@code layout}: format 3,
 * its own binary layout) and with the same values by name ({@code by-name}: format 2, CBOR through
 * Jackson), which is how they were stored before.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GovernanceStateBenchmark {

  @Param({"layout", "by-name"})
  public String codec;

  private StateCodec<PostRecord> posts;
  private StateCodec<BalanceLedger> ledgers;
  private PostRecord post;
  private BalanceLedger ledger;
  private byte[] storedPost;
  private byte[] storedLedger;

  @Setup
  public void setUp() {
    boolean layout = codec.equals("layout");
    posts = layout ? StateCodecs.postRecords() : StateCodec.of(PostRecord.class);
    ledgers =
        layout
            ? StateCodecs.ledgers()
            : StateCodec.of(Ledger.class)
                .as(
                    l ->
                        new Ledger(
                            l.key(),
                            l.approvedContent(),
                            l.approvedCampaign(),
                            new TreeMap<>(l.approvedPerDay()),
                            l.held()),
                    l ->
                        new BalanceLedger(
                            l.key(),
                            l.approvedContent(),
                            l.approvedCampaign(),
                            l.approvedPerDay(),
                            l.held()));
    Instant at = Instant.parse("2027-01-05T11:00:00Z");
    WindowKey week = new WindowKey("eastside", Platform.FACEBOOK, LocalDate.parse("2027-01-04"));
    post =
        new PostRecord(
            "tp-123456",
            1,
            "eastside",
            Platform.FACEBOOK,
            PostCategory.CONTENT,
            null,
            at,
            at.minusSeconds(86_400),
            week,
            LocalDate.parse("2027-01-05"),
            DecisionStatus.APPROVED,
            false,
            List.of());
    // a busy week (docs/PERFORMANCE.md: about ten posts a channel and week)
    ledger = new BalanceLedger(week);
    List<BalanceLedger.Held> held = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      LocalDate day = week.monday().plusDays(i % 7);
      if (i % 4 == 3) {
        held.add(new BalanceLedger.Held("tp-" + i, day));
      } else {
        ledger.approve(PostCategory.CONTENT, day);
      }
    }
    held.forEach(h -> ledger.hold(h.postId(), h.day()));
    storedPost = posts.encode(post);
    storedLedger = ledgers.encode(ledger);
  }

  /** The stored form of a ledger by name, as governance's own StoredLedger record is. */
  public record Ledger(
      WindowKey key,
      int approvedContent,
      int approvedCampaign,
      Map<LocalDate, Integer> approvedPerDay,
      List<BalanceLedger.Held> held) {}

  @Benchmark
  public byte[] writePost() {
    return posts.encode(post);
  }

  @Benchmark
  public PostRecord readPost() {
    return posts.decode(storedPost);
  }

  @Benchmark
  public byte[] writeLedger() {
    return ledgers.encode(ledger);
  }

  @Benchmark
  public BalanceLedger readLedger() {
    return ledgers.decode(storedLedger);
  }
}
