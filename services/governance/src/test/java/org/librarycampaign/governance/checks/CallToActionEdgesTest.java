package org.librarycampaign.governance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallToActionEdgesTest {

  private final CallToAction signOnly = new CallToAction(List.of("sign"), List.of(" ", "join us"));

  @Test
  void aBlankPhraseInTheSettingsMatchesNothing() {
    assertThat(signOnly.isIn("Our budget hearing")).isFalse();
    assertThat(signOnly.isIn("Come and join us")).isTrue();
  }

  @Test
  void emojiAndPunctuationBeforeTheVerbAreSkipped() {
    assertThat(signOnly.isIn("✊ Sign the petition")).isTrue();
    assertThat(signOnly.isIn("📣Sign the petition")).isTrue();
    assertThat(signOnly.isIn("✊ 📣")).isFalse();
  }

  @Test
  void theVerbAfterAnOpeningPleaseCounts() {
    assertThat(signOnly.isIn("Please sign here")).isTrue();
    assertThat(signOnly.isIn("Please please sign here")).isFalse();
  }
}
