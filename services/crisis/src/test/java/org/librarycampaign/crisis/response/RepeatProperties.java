package org.librarycampaign.crisis.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentCategory;
import library.campaign.events.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Repeat until answered (README: rules), over random plans, repeat policies, clock steps and
 * acknowledgement times: no id is sent twice, nothing asks anyone to act after the acknowledgement,
 * and without one the last tier is repeated exactly {@code times} times before the fallback
 * contacts are told, once each.
 */
class RepeatProperties {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");
  private static final List<FallbackContact> FALLBACK =
      List.of(
          new FallbackContact(
              "Duty desk",
              List.of(
                  new Contact(ContactChannel.EMAIL, "duty@library.example"),
                  new Contact(ContactChannel.SMS, "+15550123"))),
          new FallbackContact(
              "Lee Chen", List.of(new Contact(ContactChannel.EMAIL, "lee@library.example"))));
  private static final List<Responder> PEOPLE =
      List.of(Plans.MANAGER, Plans.COMMS, Plans.DEPUTY, Plans.DIRECTOR);

  private final IncidentResponse rules = new IncidentResponse(Duration.ofMinutes(1), FALLBACK);

  record History(Plan plan, Severity severity, List<Integer> steps, Integer ackAfter) {}

  @Property(tries = 400)
  void repeatsAreExactAndStopAtTheAcknowledgement(@ForAll("histories") History history) {
    Optional<Instant> ackAt =
        Optional.ofNullable(history.ackAfter()).map(m -> T0.plus(Duration.ofMinutes(m)));
    Outcome first =
        rules.report(Optional.empty(), report(history.severity()), Optional.of(history.plan()), T0);
    List<Notice> sent = new ArrayList<>(first.notices());
    Incident incident = first.incident();
    Instant now = T0;
    boolean acknowledged = false;
    for (int step : history.steps()) {
      Instant next = now.plus(Duration.ofMinutes(step));
      if (!acknowledged && ackAt.isPresent() && !ackAt.get().isAfter(next)) {
        // as the processor does: the deadlines up to the event first, then the event
        Outcome due = rules.escalate(incident, ackAt.get());
        sent.addAll(due.notices());
        incident = rules.acknowledge(due.incident(), "dana", ackAt.get()).incident();
        acknowledged = true;
      }
      Outcome due = rules.escalate(incident, next);
      sent.addAll(due.notices());
      incident = due.incident();
      now = next;
    }
    // steps due at the report time itself (zero timeouts) fire at the next check, as in the
    // processor; one more check at the end makes every history end on one
    if (!acknowledged) {
      Outcome due = rules.escalate(incident, now);
      sent.addAll(due.notices());
      incident = due.incident();
    }

    Set<String> ids = new HashSet<>();
    sent.forEach(n -> assertThat(ids.add(n.notificationId())).as(n.notificationId()).isTrue());
    if (acknowledged) {
      Instant ack = ackAt.get();
      assertThat(sent)
          .filteredOn(n -> n.createdAt().isAfter(ack))
          .as("nothing after the acknowledgement")
          .isEmpty();
      return;
    }

    EscalationPlan schedule = incident.schedule();
    Instant end = now;
    long repeatsDue = schedule.repeatTimes().stream().filter(t -> !t.isAfter(end)).count();
    int lastTier = history.plan().tiers().size() - 1;
    List<String> lastTierIds =
        sent.stream()
            .filter(n -> n.kind() == NoticeKind.ALERT && n.tier() == lastTier)
            .map(Notice::notificationId)
            .toList();
    List<String> expectedRepeats = new ArrayList<>();
    for (int n = 1; n <= repeatsDue; n++) {
      for (String id : lastTierIds) {
        expectedRepeats.add(id + "/repeat-" + n);
      }
    }
    assertThat(sent)
        .filteredOn(n -> n.kind() == NoticeKind.REPEAT)
        .extracting(Notice::notificationId)
        .as("each repeat once, in order, to whoever the last tier alerted")
        .containsExactlyElementsOf(expectedRepeats);
    assertThat(incident.repeats()).isEqualTo((int) repeatsDue);
    boolean exhausted = !schedule.exhaustedAt().isAfter(now);
    assertThat(incident.stage() == IncidentStage.EXHAUSTED).isEqualTo(exhausted);
    assertThat(sent)
        .filteredOn(n -> n.kind() == NoticeKind.FALLBACK)
        .extracting(Notice::notificationId)
        .containsExactlyElementsOf(
            exhausted
                ? List.of("i1/fallback/1/EMAIL", "i1/fallback/1/SMS", "i1/fallback/2/EMAIL")
                : List.of());
    if (exhausted) {
      assertThat(repeatsDue).isEqualTo(history.plan().repeat().times());
    }
  }

  @Provide
  Arbitrary<History> histories() {
    Arbitrary<Tier> tier =
        Combinators.combine(
                Arbitraries.integers().between(0, 30),
                Arbitraries.of(PEOPLE).list().ofMinSize(1).ofMaxSize(3))
            .as(Tier::new);
    Arbitrary<Plan> plan =
        Combinators.combine(
                tier.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 4))
            .as((tiers, every, times) -> new Plan("*", List.of(), tiers, new Repeat(every, times)));
    return Combinators.combine(
            plan,
            Arbitraries.of(Severity.class),
            Arbitraries.integers().between(0, 40).list().ofMaxSize(12),
            Arbitraries.integers().between(0, 200).injectNull(0.4))
        .as(History::new);
  }

  private static IncidentReport report(Severity severity) {
    return new IncidentReport(
        "i1", "westside", severity, IncidentCategory.SAFETY, "Smoke in the stacks", null, T0);
  }
}
