package org.librarycampaign.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import library.campaign.events.AmplifyGap;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictDetected;
import library.campaign.events.ConflictEvent;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.MilestoneKind;
import library.campaign.events.PostCategory;
import library.campaign.events.Stance;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.streams.KeyValue;
import org.librarycampaign.conflicts.calendar.CalendarScenario;
import org.librarycampaign.conflicts.calendar.CalendarScenario.Pair;
import org.librarycampaign.conflicts.calendar.Milestone;
import org.librarycampaign.conflicts.calendar.Post;

/**
 * The order-independence property through the production topology (repartition, stores, Avro): the
 * same posts and milestones in two orders, one of them with the wall clock jumping between records
 * as {@code campaign plan} makes it, leave the same conflicts and gaps open, and those of the final
 * state. One driver serves every try: each run uses ids and branches of its own.
 */
class TopologyOrderTest {

  private static final AtomicInteger RUNS = new AtomicInteger();
  private static Path stateDir;
  private static ConflictsDriver conflicts;

  @BeforeContainer
  static void start() throws IOException {
    stateDir = Files.createTempDirectory("conflicts-order-");
    conflicts = new ConflictsDriver(stateDir);
  }

  @AfterContainer
  static void stop() {
    conflicts.close();
  }

  @Property(tries = 50)
  void theOpenSetThroughTheTopologyDependsOnlyOnWhatArrived(
      @ForAll("twoOrders") Tuple2<CalendarScenario, List<List<Object>>> run) {
    CalendarScenario scenario = run.get1();
    boolean moveTheWallClock = false;
    for (List<Object> order : run.get2()) {
      String namespace = "r" + RUNS.incrementAndGet() + "-";
      Open open = replay(order, namespace, moveTheWallClock);
      assertThat(open.conflicts).as("conflicts").isEqualTo(scenario.expectedConflicts());
      assertThat(open.gaps).as("gaps").isEqualTo(scenario.expectedGaps());
      moveTheWallClock = true;
    }
  }

  @Provide
  Arbitrary<Tuple2<CalendarScenario, List<List<Object>>>> twoOrders() {
    return CalendarScenario.scenarios()
        .flatMap(
            scenario ->
                scenario.orders().list().ofSize(2).map(orders -> Tuple.of(scenario, orders)));
  }

  private static final class Open {
    final Set<Pair> conflicts = new TreeSet<>();
    final Set<Pair> gaps = new TreeSet<>();
  }

  private static Open replay(List<Object> order, String namespace, boolean moveTheWallClock) {
    Instant recordTime = Instant.parse("2026-11-28T00:00:00Z");
    try {
      for (Object event : order) {
        recordTime = recordTime.plusSeconds(1);
        if (moveTheWallClock) {
          conflicts.advance(Duration.ofHours(7));
        }
        pipe(event, namespace, recordTime, order);
      }
      return fold(conflicts.output(), namespace);
    } finally {
      retireEveryBranchMilestones(order, namespace, recordTime);
    }
  }

  private static void pipe(Object event, String namespace, Instant recordTime, List<Object> order) {
    if (event instanceof Post post) {
      String branch = namespace + post.branchId();
      conflicts.post(
          branch,
          Events.post(
              namespace + post.postId(),
              post.revision(),
              branch,
              post.campaign() ? PostCategory.CAMPAIGN : PostCategory.CONTENT,
              post.campaignId(),
              post.scheduledAt()),
          recordTime);
    } else if (event instanceof Milestone milestone) {
      conflicts.milestone(milestoneEvent(milestone, namespace), recordTime);
    } else {
      // withdrawn by its own branch: another branch's withdrawal is refused (OWNERSHIP)
      String postId = (String) event;
      String branch =
          namespace
              + order.stream()
                  .filter(e -> e instanceof Post post && post.postId().equals(postId))
                  .map(e -> ((Post) e).branchId())
                  .findFirst()
                  .orElseThrow();
      conflicts.post(branch, Events.withdrawn(namespace + postId, branch), recordTime);
    }
  }

  /**
   * The conflicts and gaps of this run's posts and branches; an every-branch milestone of this run
   * also touches the posts and branches of earlier runs, and those records are not this run's.
   */
  private static Open fold(List<KeyValue<String, ConflictEvent>> records, String namespace) {
    Open open = new Open();
    for (KeyValue<String, ConflictEvent> record : records) {
      Object change = record.value.getEvent();
      if (change instanceof ConflictDetected detected) {
        if (detected.getPostId().startsWith(namespace)) {
          Pair pair = pair(namespace, detected.getPostId(), detected.getMilestoneId());
          assertThat(open.conflicts.add(pair)).as("opened twice: %s", record).isTrue();
        }
      } else if (change instanceof ConflictCleared cleared) {
        if (cleared.getPostId().startsWith(namespace)) {
          Pair pair = pair(namespace, cleared.getPostId(), cleared.getMilestoneId());
          assertThat(open.conflicts.remove(pair)).as("closed while not open: %s", record).isTrue();
        }
      } else if (change instanceof AmplifyGap gap && gap.getBranchId().startsWith(namespace)) {
        Pair pair = pair(namespace, gap.getMilestoneId(), gap.getBranchId());
        assertThat(gap.getOpen() ? open.gaps.add(pair) : open.gaps.remove(pair))
            .as("not a transition: %s", record)
            .isTrue();
      }
    }
    return open;
  }

  /** Every-branch milestones reach the branches of later runs too: cancel them for good. */
  private static void retireEveryBranchMilestones(
      List<Object> order, String namespace, Instant recordTime) {
    for (Object event : order) {
      if (event instanceof Milestone milestone
          && milestone.scope().equals(Milestone.EVERY_BRANCH)) {
        conflicts.milestone(
            MilestoneEvent.newBuilder(milestoneEvent(milestone, namespace))
                .setRevision(Integer.MAX_VALUE)
                .setCancelled(true)
                .build(),
            recordTime);
      }
    }
    conflicts.output();
  }

  private static MilestoneEvent milestoneEvent(Milestone milestone, String namespace) {
    String scope =
        milestone.scope().equals(Milestone.EVERY_BRANCH)
            ? Milestone.EVERY_BRANCH
            : namespace + milestone.scope();
    return MilestoneEvent.newBuilder()
        .setMilestoneId(namespace + milestone.milestoneId())
        .setRevision(milestone.revision())
        .setKind(MilestoneKind.OTHER)
        .setStance(Stance.valueOf(milestone.stance().name()))
        .setCampaignId(milestone.campaignId())
        .setBranchId(scope)
        .setTitle(milestone.title())
        .setStartsAt(milestone.startsAt())
        .setEndsAt(milestone.endsAt())
        .setBufferMinutes((int) milestone.buffer().toMinutes())
        .setCancelled(milestone.cancelled())
        .build();
  }

  /** Both ids without the run's namespace; a branch id may also be the namespace-free "*". */
  private static Pair pair(String namespace, String first, String second) {
    return new Pair(strip(namespace, first), strip(namespace, second));
  }

  private static String strip(String namespace, String id) {
    assertThat(id).startsWith(namespace);
    return id.substring(namespace.length());
  }
}
