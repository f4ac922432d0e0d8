package org.librarycampaign.conflicts.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import library.campaign.events.BranchSettings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.librarycampaign.platform.time.LocalZones;
import org.librarycampaign.platform.time.PostingHours;

/**
 * A suggested slot is at or after the post's time, inside the branch's posting hours (08:00 to
 * 21:00 in its zone) and outside every AVOID window of the branch, whatever the windows.
 */
class SuggestionProperties {

  private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

  /** One AVOID window: start minutes after START, length in minutes (buffer 0). */
  record Window(int startMinute, int minutes) {}

  @Property(tries = 300)
  void theSlotIsFreeAndInsideThePostingHours(
      @ForAll("windows") List<Window> windows,
      @ForAll("minutes") int postMinute,
      @ForAll("zones") String zone) {
    BranchSettings settings =
        BranchSettings.newBuilder()
            .setBranchId("eastside")
            .setZone(zone)
            .setReportContacts(List.of())
            .build();
    ConflictCalendar calendar =
        Calendars.calendar(
            new LocalZones(key -> null, Map.of("eastside", settings)::get, ZoneId.of("UTC")));
    List<Milestone> milestones = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      Window w = windows.get(i);
      Instant from = START.plus(Duration.ofMinutes(w.startMinute()));
      Milestone m =
          Calendars.avoid(
              "m" + i,
              1,
              "eastside",
              "Event " + i,
              from,
              from.plus(Duration.ofMinutes(w.minutes())),
              0);
      milestones.add(m);
      calendar.milestone(m);
    }
    Instant at = START.plus(Duration.ofMinutes(postMinute));

    Instant slot = calendar.suggestion("eastside", "FACEBOOK", at).suggestedAt();

    assertThat(slot).isAfterOrEqualTo(at);
    LocalTime local = slot.atZone(ZoneId.of(zone)).toLocalTime();
    assertThat(local)
        .isAfterOrEqualTo(PostingHours.DEFAULT.from())
        .isBefore(PostingHours.DEFAULT.to());
    for (Milestone m : milestones) {
      assertThat(!slot.isBefore(m.avoidFrom()) && slot.isBefore(m.avoidUntil()))
          .as("%s inside %s", slot, m.milestoneId())
          .isFalse();
    }
  }

  @Provide
  Arbitrary<List<Window>> windows() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 10 * 24 * 60),
            Arbitraries.integers().between(1, 30 * 60))
        .as(Window::new)
        .list()
        .ofMaxSize(8);
  }

  @Provide
  Arbitrary<Integer> minutes() {
    return Arbitraries.integers().between(0, 10 * 24 * 60);
  }

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of(
        "UTC", "America/Chicago", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/London");
  }
}
