package org.librarycampaign.governance.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import library.campaign.events.Severity;
import org.junit.jupiter.api.Test;

class BranchCrisesTest {

  private final BranchCrises crises = new BranchCrises();

  @Test
  void onlyHighAndCriticalIncidentsAreCrises() {
    crises.report("low", Severity.LOW);
    crises.report("medium", Severity.MEDIUM);
    assertThat(crises.isActive()).isFalse();

    crises.report("high", Severity.HIGH);

    assertThat(crises.isActive()).isTrue();
    assertThat(crises.active()).containsOnlyKeys("high");
  }

  @Test
  void theCrisisEndsWithTheLastActiveOneResolved() {
    crises.report("i1", Severity.HIGH);
    crises.report("i2", Severity.CRITICAL);
    crises.report("i3", Severity.LOW);

    assertThat(crises.resolve("i1")).isFalse();
    assertThat(crises.resolve("unknown")).isFalse();
    assertThat(crises.resolve("i2")).isTrue();
    assertThat(crises.resolve("i3")).isFalse();
    assertThat(crises.isActive()).isFalse();
  }

  @Test
  void aSecondReportMayRaiseTheSeverityButNeverLowerIt() {
    crises.report("i1", Severity.MEDIUM);
    assertThat(crises.report("i1", Severity.CRITICAL)).isTrue();
    assertThat(crises.report("i1", Severity.LOW)).isFalse();

    assertThat(crises.active()).containsEntry("i1", Severity.CRITICAL);
  }
}
