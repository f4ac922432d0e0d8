package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentCategory;
import library.campaign.events.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.librarycampaign.crisis.response.Contact;
import org.librarycampaign.crisis.response.EscalationPlan;
import org.librarycampaign.crisis.response.Incident;
import org.librarycampaign.crisis.response.IncidentReport;
import org.librarycampaign.crisis.response.IncidentResponse;
import org.librarycampaign.crisis.response.IncidentStage;
import org.librarycampaign.crisis.response.Plan;
import org.librarycampaign.crisis.response.Repeat;
import org.librarycampaign.crisis.response.Resolution;
import org.librarycampaign.crisis.response.Responder;
import org.librarycampaign.crisis.response.Rotation;
import org.librarycampaign.crisis.response.Tier;
import org.librarycampaign.platform.state.StateCodec;

/** The incident store's values (platform's StateCodec) at every stage the rules reach. */
class StoredIncidentTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00.123Z");
  private static final StateCodec<Incident> CODEC = StateCodec.of(Incident.class);
  private static final Plan PLAN =
      new Plan(
          "*",
          List.of("Hold all posts"),
          List.of(
              new Tier(
                  15,
                  List.of(
                      new Responder(
                          "manager",
                          "Dana Reyes",
                          "Branch manager",
                          Severity.LOW,
                          List.of(new Contact(ContactChannel.SMS, "+15550100"))))),
              new Tier(30, List.of())));

  private final IncidentResponse rules = new IncidentResponse(Duration.ofMinutes(1));

  enum Step {
    ESCALATE,
    ACKNOWLEDGE,
    RESOLVE
  }

  @Property
  void anIncidentReadsBackEqualAtEveryStage(
      @ForAll Severity severity,
      @ForAll IncidentCategory category,
      @ForAll boolean routed,
      @ForAll("steps") List<Step> steps) {
    IncidentReport report =
        new IncidentReport("i1", "westside", severity, category, "Smoke", null, T0);
    Incident incident =
        rules
            .report(Optional.empty(), report, routed ? Optional.of(PLAN) : Optional.empty(), T0)
            .incident();
    assertThat(roundTrip(incident)).isEqualTo(incident);

    Instant at = T0;
    for (Step step : steps) {
      at = at.plus(Duration.ofMinutes(20));
      incident =
          switch (step) {
            case ESCALATE -> rules.escalate(incident, at).incident();
            case ACKNOWLEDGE -> rules.acknowledge(incident, "dana", at).incident();
            case RESOLVE ->
                rules.resolve(incident, new Resolution("dana", at, "Alarm test"), at).incident();
          };
      assertThat(roundTrip(incident)).isEqualTo(incident);
    }
  }

  @Example
  void anIncidentStoredBeforeAlertsWereRecordedReadsWithNone() {
    byte[] older =
        StateCodec.fromJson(
            "{\"report\":{\"incidentId\":\"i1\",\"branchId\":\"westside\",\"severity\":\"HIGH\","
                + "\"category\":\"SAFETY\",\"summary\":\"Smoke\",\"reportedAt\":1796137200123},"
                + "\"stage\":\"UNROUTED\",\"schedule\":{},\"tier\":-1,"
                + "\"updatedAt\":1796137200123}");

    assertThat(CODEC.decode(older))
        .isEqualTo(
            new Incident(
                new IncidentReport(
                    "i1", "westside", Severity.HIGH, IncidentCategory.SAFETY, "Smoke", null, T0),
                IncidentStage.UNROUTED,
                null,
                new EscalationPlan(List.of()),
                -1,
                0,
                List.of(),
                null,
                null,
                T0));
  }

  @Example
  void anIncidentRoutedBeforeRepeatsExistedEndsWithItsLastTier() {
    Incident routed =
        rules
            .report(
                Optional.empty(),
                new IncidentReport(
                    "i1", "westside", Severity.LOW, IncidentCategory.OTHER, "x", null, T0),
                Optional.of(PLAN),
                T0)
            .incident();
    String json = StateCodec.toJson(CODEC.encode(routed));
    String older =
        json.replaceAll(",?\"repeatTimes\":\\[[^\\]]*\\]", "")
            .replaceAll(",?\"exhaustedAt\":[0-9.]+", "")
            .replaceAll(",?\"repeat\":\\{[^}]*\\}", "")
            .replace(",\"repeats\":0", "");
    assertThat(older).doesNotContain("repeat").doesNotContain("exhaustedAt");

    Incident stored = CODEC.decode(StateCodec.fromJson(older));
    assertThat(stored.schedule().repeatTimes()).isEmpty();
    assertThat(stored.schedule().exhaustedAt()).isNull();
    Incident lastTier = rules.escalate(stored, T0.plus(Duration.ofMinutes(15))).incident();
    assertThat(lastTier.tier()).isEqualTo(1);
    assertThat(lastTier.nextDeadline()).isEmpty();
    assertThat(rules.escalate(lastTier, T0.plus(Duration.ofDays(1))).changed()).isFalse();
  }

  @Example
  void aPlanWithARotationReadsBackEqual() {
    Rotation rotation =
        new Rotation(
            List.of(
                new Rotation.Member(
                    "kim", "Kim Lo", List.of(new Contact(ContactChannel.SMS, "+15550111"))),
                new Rotation.Member("ali", "Ali Ren", List.of())),
            DayOfWeek.MONDAY,
            LocalTime.of(9, 30),
            ZoneId.of("America/Chicago"),
            LocalDate.of(2026, 11, 30));
    Plan plan =
        new Plan(
            "*",
            List.of(),
            List.of(
                new Tier(
                    10,
                    List.of(
                        new Responder(
                            "duty", "Duty", "Duty manager", Severity.LOW, List.of(), rotation)))),
            new Repeat(5, 3));
    Incident routed =
        rules
            .report(
                Optional.empty(),
                new IncidentReport(
                    "i1", "westside", Severity.LOW, IncidentCategory.OTHER, "x", null, T0),
                Optional.of(plan),
                T0)
            .incident();

    assertThat(roundTrip(routed)).isEqualTo(routed);
    assertThat(roundTrip(routed).plan().tiers().get(0).responders().get(0).rotation())
        .isEqualTo(rotation);
  }

  @Example
  void fieldsALaterVersionAddsAreIgnored() {
    Incident open =
        rules
            .report(
                Optional.empty(),
                new IncidentReport(
                    "i1", "westside", Severity.LOW, IncidentCategory.OTHER, "x", "jlee", T0),
                Optional.empty(),
                T0)
            .incident();
    String json = StateCodec.toJson(CODEC.encode(open));
    String newer = json.substring(0, json.length() - 1) + ",\"addedLater\":{\"x\":1}}";

    assertThat(CODEC.decode(StateCodec.fromJson(newer))).isEqualTo(open);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Arbitraries.of(Step.class).list().ofMaxSize(5);
  }

  private static Incident roundTrip(Incident incident) {
    return CODEC.decode(CODEC.encode(incident));
  }
}
