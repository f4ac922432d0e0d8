package org.librarycampaign.bench.jmh;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentCategory;
import library.campaign.events.Severity;
import org.librarycampaign.crisis.response.Contact;
import org.librarycampaign.crisis.response.FallbackContact;
import org.librarycampaign.crisis.response.Incident;
import org.librarycampaign.crisis.response.IncidentReport;
import org.librarycampaign.crisis.response.IncidentResponse;
import org.librarycampaign.crisis.response.Outcome;
import org.librarycampaign.crisis.response.Plan;
import org.librarycampaign.crisis.response.Repeat;
import org.librarycampaign.crisis.response.Responder;
import org.librarycampaign.crisis.response.ResponsePlanRouting;
import org.librarycampaign.crisis.response.Tier;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Crisis's response rules (services/crisis's {@code response} package) for one incident, without
 * Kafka: {@code report} routes a new HIGH report to its branch's plan ({@link ResponsePlanRouting})
 * and alerts tier 0 ({@link IncidentResponse#report}); {@code escalate} runs one escalation step of
 * that incident once tier 0's deadline has passed, alerting tier 1 ({@link
 * IncidentResponse#escalate}). The plan: three tiers of {@code responders} responders each, every
 * responder reached by e-mail and SMS, the default repeat; one fallback contact. The notices' texts
 * (NoticeText) are made later, by the dispatcher's side, and are not part of this.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CrisisRulesBenchmark {

  private static final Instant REPORTED_AT = Instant.parse("2027-03-01T09:00:00Z");

  /** Responders on each of the plan's three tiers. */
  @Param({"2", "10"})
  public int responders;

  private IncidentResponse rules;
  private Map<String, Plan> plans;
  private IncidentReport report;
  private Incident reported;
  private Instant tierOneDue;

  @Setup
  public void setUp() {
    List<Tier> tiers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      List<Responder> people = new ArrayList<>();
      for (int r = 0; r < responders; r++) {
        String id = "t" + t + "-r" + r;
        people.add(
            new Responder(
                id,
                "Responder " + id,
                t == 0 ? "Comms" : "Director",
                Severity.MEDIUM,
                List.of(
                    new Contact(ContactChannel.EMAIL, id + "@eastside.library.example"),
                    new Contact(ContactChannel.SMS, "+1555010" + t + r))));
      }
      tiers.add(new Tier(15, people));
    }
    plans =
        Map.of(
            "eastside",
            new Plan(
                "eastside",
                List.of("Do not reply online", "Call the director"),
                tiers,
                Repeat.DEFAULT));
    rules =
        new IncidentResponse(
            Duration.ofMinutes(1),
            List.of(
                new FallbackContact(
                    "Duty desk",
                    List.of(new Contact(ContactChannel.EMAIL, "duty@library.example")))));
    report =
        new IncidentReport(
            "inc-1",
            "eastside",
            Severity.HIGH,
            IncidentCategory.EVENT_BACKLASH,
            "Angry posts about the drag story hour",
            "front desk",
            REPORTED_AT);
    Outcome first = report();
    reported = first.incident();
    tierOneDue = reported.nextDeadline().orElseThrow();
    int expected = 2 * responders;
    if (first.notices().size() != expected || escalate().notices().size() != expected) {
      throw new IllegalStateException("each step should alert " + expected + " contacts");
    }
  }

  @Benchmark
  public void report(Blackhole blackhole) {
    blackhole.consume(report());
  }

  @Benchmark
  public void escalate(Blackhole blackhole) {
    blackhole.consume(escalate());
  }

  private Outcome report() {
    Optional<Plan> plan =
        ResponsePlanRouting.planFor(report.branchId(), key -> Optional.ofNullable(plans.get(key)));
    return rules.report(Optional.empty(), report, plan, REPORTED_AT);
  }

  private Outcome escalate() {
    return rules.escalate(reported, tierOneDue);
  }
}
