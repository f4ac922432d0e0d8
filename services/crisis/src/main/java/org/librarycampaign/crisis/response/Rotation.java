package org.librarycampaign.crisis.response;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An on-call rotation (README: rotations): members take turns a week at a time, handing over on
 * {@code handoffDay} at {@code handoffTime} in {@code zone}. Week 0 begins at the first handoff on
 * or after {@code startDate} and belongs to the first member; week k to member k modulo the number
 * of members, counting backwards too, so exactly one member is on duty at every instant.
 *
 * <p>Handoffs are local times: across a change of daylight-saving time the handoff stays at {@code
 * handoffTime} on the wall clock, so that week is an hour shorter or longer. A handoff time that
 * does not exist on its day (it falls in the spring-forward gap) happens when the gap ends, and one
 * that exists twice (autumn) happens the first time.
 *
 * <p>An override puts one member on duty for whole local days ({@link RotationOverride}); it wins
 * over the weekly turn inside its range.
 *
 * @param members in turn order; at least one
 */
public record Rotation(
    List<Member> members,
    DayOfWeek handoffDay,
    LocalTime handoffTime,
    ZoneId zone,
    LocalDate startDate) {

  /** One person of a rotation. */
  public record Member(String responderId, String name, List<Contact> contacts) {
    public Member {
      Objects.requireNonNull(responderId, "responderId");
      Objects.requireNonNull(name, "name");
      contacts = List.copyOf(contacts);
    }
  }

  /** Later-starting overrides first; on the same start, the greater override id. */
  private static final Comparator<RotationOverride> PRECEDENCE =
      Comparator.comparing(RotationOverride::from)
          .thenComparing(RotationOverride::overrideId)
          .reversed();

  public Rotation {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a rotation needs at least one member");
    }
    Objects.requireNonNull(handoffDay, "handoffDay");
    Objects.requireNonNull(handoffTime, "handoffTime");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(startDate, "startDate");
  }

  /**
   * The member on duty at {@code at}: the member of an override covering that local day (the one
   * that starts latest, if several do; overrides naming someone who is not a member are ignored),
   * else the member whose week it is.
   */
  public Member onDuty(Instant at, List<RotationOverride> overrides) {
    return covering(at, overrides).orElseGet(() -> scheduled(at));
  }

  /** The member whose week it is at {@code at}, overrides aside. */
  public Member scheduled(Instant at) {
    return members.get(Math.floorMod(week(at), members.size()));
  }

  /**
   * The week {@code at} falls in: week k runs from {@code handoff(k)} to {@code handoff(k + 1)}.
   */
  public long week(Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    long week = Math.floorDiv(ChronoUnit.DAYS.between(firstHandoff(), local), 7);
    while (!handoff(week + 1).isAfter(at)) {
      week++;
    }
    while (handoff(week).isAfter(at)) {
      week--;
    }
    return week;
  }

  /** When week {@code week} begins. */
  public Instant handoff(long week) {
    return ZonedDateTime.of(firstHandoff().plusWeeks(week), zone).toInstant();
  }

  private LocalDateTime firstHandoff() {
    return startDate.with(TemporalAdjusters.nextOrSame(handoffDay)).atTime(handoffTime);
  }

  private Optional<Member> covering(Instant at, List<RotationOverride> overrides) {
    LocalDate day = LocalDate.ofInstant(at, zone);
    return overrides.stream()
        .filter(o -> o.covers(day))
        .sorted(PRECEDENCE)
        .flatMap(o -> member(o.responderId()).stream())
        .findFirst();
  }

  private Optional<Member> member(String responderId) {
    return members.stream().filter(m -> m.responderId().equals(responderId)).findFirst();
  }
}
