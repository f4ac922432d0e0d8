package org.librarycampaign.conflicts.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictEnded;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictStarted;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapClosed;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapOpened;
import org.librarycampaign.conflicts.calendar.CalendarScenario.Pair;

/**
 * Whatever the order in which the same posts and milestones arrive, the conflicts and gaps left
 * open are the same, and they are the ones the rules give for the final state. Every change
 * reported is a real transition (nothing opened twice, nothing closed that was not open).
 */
class OpenConflictsOrderTest {

  @Property
  void theOpenSetDependsOnlyOnWhatArrivedNotOnTheOrder(
      @ForAll("twoOrders") Tuple2<CalendarScenario, List<List<Object>>> run) {
    CalendarScenario scenario = run.get1();
    Statistics.label("conflicts open at the end")
        .collect(!scenario.expectedConflicts().isEmpty())
        .coverage(check -> check.check(true).percentage(p -> p > 15));
    Statistics.label("gaps open at the end")
        .collect(!scenario.expectedGaps().isEmpty())
        .coverage(check -> check.check(true).percentage(p -> p > 10));
    for (List<Object> order : run.get2()) {
      Open open = replay(order);
      assertThat(open.conflicts)
          .as("conflicts, order %s", order)
          .isEqualTo(scenario.expectedConflicts());
      assertThat(open.gaps).as("gaps, order %s", order).isEqualTo(scenario.expectedGaps());
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

  private static Open replay(List<Object> order) {
    ConflictCalendar calendar = Calendars.calendar();
    Open open = new Open();
    for (Object event : order) {
      Outcome outcome;
      if (event instanceof Post post) {
        outcome = calendar.postDrafted(post);
      } else if (event instanceof Milestone milestone) {
        outcome = calendar.milestone(milestone);
      } else {
        outcome = calendar.postWithdrawn((String) event);
      }
      for (CalendarChange change : outcome.changes()) {
        apply(open, change);
      }
    }
    return open;
  }

  private static void apply(Open open, CalendarChange change) {
    if (change instanceof ConflictStarted started) {
      assertThat(open.conflicts.add(pair(started.post(), started.milestone())))
          .as("opened twice: %s", change)
          .isTrue();
    } else if (change instanceof ConflictEnded ended) {
      assertThat(open.conflicts.remove(pair(ended.post(), ended.milestone())))
          .as("closed while not open: %s", change)
          .isTrue();
    } else if (change instanceof GapOpened opened) {
      assertThat(open.gaps.add(new Pair(opened.milestone().milestoneId(), opened.branchId())))
          .as("opened twice: %s", change)
          .isTrue();
    } else if (change instanceof GapClosed closed) {
      assertThat(open.gaps.remove(new Pair(closed.milestone().milestoneId(), closed.branchId())))
          .as("closed while not open: %s", change)
          .isTrue();
    }
  }

  private static Pair pair(ScheduledPost post, Milestone milestone) {
    return new Pair(post.postId(), milestone.milestoneId());
  }
}
