package org.librarycampaign.governance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallToActionTest {

  private final CallToAction defaults = CallToAction.defaults();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Tell the board: fund our library!",
        "Our hours are at risk. Sign the petition today",
        "Please come to the budget hearing on Tuesday",
        "@CountyExec #FundOurLibrary Vote yes on Measure L",
        "Budget cuts hit story time — speak up at the hearing",
        "\uD83D\uDCDA Join us at the hearing",
        "Libraries change lives; learn more about the bond",
        "Details: link in bio",
        "RSVP for the town hall"
      })
  void findsAnActionVerbOpeningAClauseOrAnActionPhrase(String text) {
    assertThat(defaults.isIn(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The budget hearing is on Tuesday.",
        "Our libraries matter to everyone",
        "The council will vote on the budget",
        "We signed up 200 new readers",
        ""
      })
  void aStatementWithoutAnActionIsNotOne(String text) {
    assertThat(defaults.isIn(text)).as(text).isFalse();
  }

  @Test
  void theListsCanBeReplaced() {
    CallToAction own = new CallToAction(List.of("Firma"), List.of("más información"));

    assertThat(own.isIn("Firma la petición")).isTrue();
    assertThat(own.isIn("Visita la biblioteca: MÁS INFORMACIÓN aquí")).isTrue();
    assertThat(own.isIn("Sign the petition")).isFalse();
  }
}
