package org.librarycampaign.bench.jmh;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import library.campaign.events.Platform;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.channelrules.Pacing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The channel rules (services/channel-rules) for one post, as governance and the dashboard use
 * them: {@code resolve} builds a channel's rules from its policy over the platform defaults (what
 * governance's {@code StoreState.rules} does once per draft), {@code check} asks them what the
 * rules ask about one post in its week (room on the day, the ratio, the weekly ceiling, the content
 * posts a held campaign post waits for, the text limit, who set the cap).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChannelRulesBenchmark {

  // fields, not constants, so that the JIT cannot fold the answers away
  private String branchId;
  private Platform platform;
  private Integer contentPerCampaign;
  private Integer maxPostsPerDay;
  private ZoneId zone;
  private Integer minMinutesBetweenPosts;
  private Integer maxCampaignPostsPerWeek;
  private ChannelRules rules;
  private int approvedThatDay;
  private int approvedContent;
  private int approvedCampaign;
  private int heldAhead;

  @Setup
  public void setUp() {
    branchId = "eastside";
    platform = Platform.FACEBOOK;
    contentPerCampaign = 3;
    maxPostsPerDay = 4;
    zone = ZoneId.of("America/Chicago");
    minMinutesBetweenPosts = 30;
    maxCampaignPostsPerWeek = 4;
    rules = resolved();
    // a busy week: ten posts, the day at three of four, the ratio used up, one campaign post held
    approvedThatDay = 3;
    approvedContent = 7;
    approvedCampaign = 2;
    heldAhead = 1;
  }

  private ChannelRules resolved() {
    return ChannelRules.of(branchId, platform, contentPerCampaign, maxPostsPerDay, zone, true)
        .withPacing(Pacing.of(minMinutesBetweenPosts, maxCampaignPostsPerWeek));
  }

  @Benchmark
  public ChannelRules resolve() {
    return resolved();
  }

  @Benchmark
  public void check(Blackhole blackhole) {
    blackhole.consume(rules.hasRoom(approvedThatDay));
    blackhole.consume(rules.ratioAllowsCampaign(approvedCampaign, approvedContent));
    blackhole.consume(rules.pacing().ceilingAllowsCampaign(approvedCampaign));
    blackhole.consume(rules.contentPostsNeeded(approvedCampaign, approvedContent, heldAhead));
    blackhole.consume(rules.allowedCampaign(approvedContent));
    blackhole.consume(rules.textLimit());
    blackhole.consume(rules.capSetBy());
    blackhole.consume(rules.pacing().minGap());
  }
}
