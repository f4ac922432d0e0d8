package org.librarycampaign.dashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.ResponsePlan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;

class DemoScriptTest {

  private static final Instant START = Instant.parse("2026-12-02T14:03:27Z");
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final String DUE_DURING_THE_DEMO = "ng-bs-now";
  private final EventJson json = new EventJson();

  @Test
  void everyEventIsValidDesignJsonAsTheIngestApiReadsIt() {
    List<DemoScript.Step> steps = DemoScript.steps(START, CHICAGO);

    List<String> types = new ArrayList<>();
    for (DemoScript.Step step : steps) {
      for (SpecificRecord event : step.events()) {
        ParsedEvent parsed = json.parse(json.write(event));
        types.add(parsed.type());
      }
    }

    assertThat(new TreeSet<>(types))
        .containsExactly(
            "ChannelPolicy",
            "IncidentAcknowledged",
            "IncidentReported",
            "IncidentResolved",
            "Milestone",
            "PostDrafted",
            "PostWithdrawn",
            "ResponsePlan");
    assertThat(steps).extracting(DemoScript.Step::offset).isSorted();
  }

  @Test
  void everyFeatureShowsWithinTheFirstMinuteAndTheIncidentEscalatesThenResolves() {
    List<DemoScript.Step> steps = DemoScript.steps(START, CHICAGO);
    List<SpecificRecord> firstMinute =
        steps.stream()
            .filter(s -> s.offset().compareTo(Duration.ofMinutes(1)) < 0)
            .flatMap(s -> s.events().stream())
            .toList();

    Set<String> branches = new TreeSet<>();
    Set<String> platforms = new TreeSet<>();
    for (SpecificRecord event : firstMinute) {
      if (event instanceof PostEvent post && post.getEvent() instanceof PostDrafted drafted) {
        branches.add(drafted.getBranchId());
        platforms.add(drafted.getPlatform().name());
      }
    }
    assertThat(branches).containsExactly("eastside", "northgate", "riverside", "westside");
    assertThat(platforms).hasSizeGreaterThanOrEqualTo(4);
    assertThat(firstMinute)
        .anySatisfy(e -> assertThat(e).isInstanceOf(ResponsePlan.class))
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        ChannelPolicy.class,
                        p -> assertThat(p.getPoliticalSpeechAllowed()).isFalse()))
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        MilestoneEvent.class,
                        m -> assertThat(m.getTitle()).isEqualTo("County budget hearing")))
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        MilestoneEvent.class,
                        m -> assertThat(m.getTitle()).isEqualTo("Riverfront Festival")))
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        IncidentEvent.class,
                        i -> assertThat(i.getEvent()).isInstanceOf(IncidentReported.class)));

    ResponsePlan plan =
        (ResponsePlan)
            firstMinute.stream().filter(ResponsePlan.class::isInstance).findFirst().orElseThrow();
    assertThat(plan.getTiers()).hasSize(2);
    int tierZeroMinutes = plan.getTiers().get(0).getAckTimeoutMinutes();
    Duration reported = offsetOf(steps, IncidentReported.class);
    Duration acknowledged = offsetOf(steps, IncidentAcknowledged.class);
    Duration resolved = offsetOf(steps, IncidentResolved.class);
    assertThat(acknowledged)
        .as("acknowledged only after tier 1 was notified")
        .isGreaterThan(reported.plusMinutes(tierZeroMinutes).plusSeconds(5));
    assertThat(resolved).isGreaterThan(acknowledged);
    assertThat(steps.get(steps.size() - 1).offset()).isLessThan(Duration.ofMinutes(2));
  }

  @Provide
  Arbitrary<Instant> starts() {
    return Arbitraries.longs()
        .between(
            Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2035-01-01T00:00:00Z").getEpochSecond())
        .map(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "UTC",
            "America/Chicago",
            "America/Los_Angeles",
            "Europe/Amsterdam",
            "Pacific/Auckland",
            "Asia/Kolkata")
        .map(ZoneId::of);
  }

  @Property(tries = 200)
  void postsAndMilestonesLandInTheWeekAfterTheStart(
      @ForAll("starts") Instant start, @ForAll("zones") ZoneId zone) {
    LocalDate monday =
        start.atZone(zone).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    Instant from = monday.atStartOfDay(zone).toInstant();
    Instant until = monday.plusDays(7).atStartOfDay(zone).toInstant();

    for (DemoScript.Step step : DemoScript.steps(start, zone)) {
      for (SpecificRecord event : step.events()) {
        if (event instanceof PostEvent post && post.getEvent() instanceof PostDrafted drafted) {
          if (drafted.getPostId().equals(DUE_DURING_THE_DEMO)) {
            // its time is relative to its draft, so that it goes out while the demo runs
            assertThat(drafted.getScheduledAt()).isEqualTo(drafted.getDraftedAt().plusSeconds(30));
          } else {
            assertThat(drafted.getScheduledAt()).isBetween(from, until.minusMillis(1));
          }
          assertThat(drafted.getDraftedAt()).isEqualTo(start.plus(step.offset()));
        }
        if (event instanceof MilestoneEvent milestone) {
          assertThat(milestone.getStartsAt()).isBetween(from, until.minusMillis(1));
          assertThat(milestone.getEndsAt()).isAfter(milestone.getStartsAt());
        }
      }
    }
  }

  /**
   * Held posts expire by the wall clock at their time, so a story in the start's own week broke
   * late in the week. Started on any weekday, early, mid-day or at the last minute of the day, the
   * story is the same: each post and milestone on the same weekday and local time of its week, all
   * of them still to come when the demo ends (no held post expires before it is released or
   * approved), the hearing on Thursday evening with the campaign posts in the 72 h before it, the
   * festival on Saturday with the post that falls on it.
   */
  @ParameterizedTest
  @EnumSource(DayOfWeek.class)
  void theStoryPlaysTheSameOnEveryWeekdayAndHour(DayOfWeek weekday) {
    LocalDate reference = LocalDate.parse("2026-11-30"); // a Monday
    Map<String, String> expected = story(reference.atStartOfDay(CHICAGO).toInstant());
    assertThat(expected)
        .containsEntry("milestone budget-hearing", "THURSDAY 18:00-THURSDAY 20:00")
        .containsEntry("milestone riverfront-festival", "SATURDAY 10:00-SATURDAY 18:00")
        .containsEntry("es-ig-1/1", "SATURDAY 12:30")
        .containsEntry("es-ig-1/2", "SATURDAY 20:00")
        .containsEntry("ws-fb-c2", "THURSDAY 10:00")
        .containsEntry("es-fb-c2", "FRIDAY 12:00");

    LocalDate day = reference.plusWeeks(1).with(TemporalAdjusters.nextOrSame(weekday));
    for (LocalTime time :
        List.of(LocalTime.MIDNIGHT, LocalTime.of(9, 45), LocalTime.of(17, 50), LocalTime.MAX)) {
      Instant start = day.atTime(time).atZone(CHICAGO).toInstant();
      List<DemoScript.Step> steps = DemoScript.steps(start, CHICAGO);
      Instant end = start.plus(steps.get(steps.size() - 1).offset());

      assertThat(story(start)).as("started %s %s", weekday, time).isEqualTo(expected);
      for (DemoScript.Step step : steps) {
        for (SpecificRecord event : step.events()) {
          if (event instanceof PostEvent post
              && post.getEvent() instanceof PostDrafted drafted
              && !drafted.getPostId().equals(DUE_DURING_THE_DEMO)) {
            assertThat(drafted.getScheduledAt())
                .as("%s started %s %s", drafted.getPostId(), weekday, time)
                .isAfter(end.plus(Duration.ofHours(8)));
          }
          if (event instanceof MilestoneEvent milestone) {
            assertThat(milestone.getStartsAt()).isAfter(end.plus(Duration.ofHours(8)));
          }
        }
      }
    }
  }

  @Test
  void theStorysWeekIsTheOneAfterTheStartsDayInTheZone() {
    assertThat(DemoScript.weekOf(Instant.parse("2026-11-30T06:00:00Z"), CHICAGO))
        .as("Monday, just after midnight in Chicago: seven days on")
        .isEqualTo(LocalDate.parse("2026-12-07"));
    assertThat(DemoScript.weekOf(Instant.parse("2026-11-30T05:59:59Z"), CHICAGO))
        .as("still Sunday 23:59:59 in Chicago: the next day")
        .isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(DemoScript.weekOf(Instant.parse("2026-12-03T17:50:00Z"), CHICAGO))
        .isEqualTo(LocalDate.parse("2026-12-07"));
  }

  /**
   * Each post revision's and milestone's weekday and local time (Chicago), by id; the post due
   * during the demo by its offset from its draft.
   */
  private static Map<String, String> story(Instant start) {
    Map<String, String> story = new TreeMap<>();
    java.util.function.Function<Instant, String> local =
        at -> {
          ZonedDateTime zoned = at.atZone(CHICAGO);
          return zoned.getDayOfWeek() + " " + zoned.toLocalTime();
        };
    Map<String, Integer> firstRevision = new HashMap<>();
    for (DemoScript.Step step : DemoScript.steps(start, CHICAGO)) {
      for (SpecificRecord event : step.events()) {
        if (event instanceof PostEvent post && post.getEvent() instanceof PostDrafted drafted) {
          String id = drafted.getPostId();
          int first = firstRevision.computeIfAbsent(id, x -> drafted.getRevision());
          if (id.equals(DUE_DURING_THE_DEMO)) {
            story.put(
                id, Duration.between(drafted.getDraftedAt(), drafted.getScheduledAt()).toString());
          } else if (drafted.getRevision() == first && !story.containsKey(id)) {
            story.put(id, local.apply(drafted.getScheduledAt()));
          }
          if (id.equals("es-ig-1")) {
            story.put(
                id + "/" + (drafted.getRevision() - first + 1),
                local.apply(drafted.getScheduledAt()));
          }
        }
        if (event instanceof MilestoneEvent milestone) {
          story.put(
              "milestone " + milestone.getMilestoneId(),
              local.apply(milestone.getStartsAt()) + "-" + local.apply(milestone.getEndsAt()));
        }
      }
    }
    return story;
  }

  @Test
  void onePostComesDueWhileTheDemoRunsSoThePublisherPublishesItBeforeTheEnd() {
    List<DemoScript.Step> steps = DemoScript.steps(START, CHICAGO);
    Instant end = START.plus(steps.get(steps.size() - 1).offset());

    List<PostDrafted> due = new ArrayList<>();
    List<String> policies = new ArrayList<>();
    for (DemoScript.Step step : steps) {
      for (SpecificRecord event : step.events()) {
        if (event instanceof PostEvent post
            && post.getEvent() instanceof PostDrafted drafted
            && drafted.getScheduledAt().isAfter(START)
            && drafted.getScheduledAt().isBefore(end)) {
          due.add(drafted);
        }
        if (event instanceof ChannelPolicy policy) {
          policies.add(policy.getBranchId() + "/" + policy.getPlatform());
        }
      }
    }

    assertThat(due).extracting(PostDrafted::getPostId).containsExactly(DUE_DURING_THE_DEMO);
    PostDrafted post = due.get(0);
    assertThat(post.getCategory().name()).as("approved at once").isEqualTo("CONTENT");
    assertThat(policies).contains(post.getBranchId() + "/" + post.getPlatform());
    assertThat(post.getScheduledAt()).isEqualTo(post.getDraftedAt().plusSeconds(30));
    assertThat(post.getScheduledAt())
        .as("the publication shows on the dashboard well before the demo ends")
        .isBefore(end.minusSeconds(30));
  }

  @Test
  void aLaterRunRevisesTheSamePostsAndMilestonesAndReportsANewIncident() {
    Instant nextWeek = START.plus(Duration.ofDays(7));
    PostDrafted first = firstDraft(DemoScript.steps(START, CHICAGO));
    PostDrafted later = firstDraft(DemoScript.steps(nextWeek, CHICAGO));

    assertThat(later.getPostId()).isEqualTo(first.getPostId());
    assertThat(later.getRevision()).isGreaterThan(first.getRevision());
    assertThat(DemoScript.incidentId(nextWeek)).isNotEqualTo(DemoScript.incidentId(START));
  }

  private static PostDrafted firstDraft(List<DemoScript.Step> steps) {
    return steps.stream()
        .flatMap(s -> s.events().stream())
        .filter(PostEvent.class::isInstance)
        .map(e -> ((PostEvent) e).getEvent())
        .filter(PostDrafted.class::isInstance)
        .map(PostDrafted.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static Duration offsetOf(List<DemoScript.Step> steps, Class<?> incidentEventType) {
    return steps.stream()
        .filter(
            s ->
                s.events().stream()
                    .anyMatch(
                        e ->
                            e instanceof IncidentEvent i
                                && incidentEventType.isInstance(i.getEvent())))
        .map(DemoScript.Step::offset)
        .findFirst()
        .orElseThrow();
  }
}
