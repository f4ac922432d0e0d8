package org.librarycampaign.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;

class CalendarLinksTest {

  static final String OLD = "old-secret-0123456789";
  static final String NEW = "new-secret-9876543210";

  static CalendarLinks links(String... idsAndSecrets) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = 0; i < idsAndSecrets.length; i += 2) {
      keys.put(idsAndSecrets[i], idsAndSecrets[i + 1]);
    }
    return new CalendarLinks(keys, "https://campaign.example/");
  }

  @Test
  void aLinkNamesItsBranchAndIsTheSameEachTime() {
    CalendarLinks links = links("k1", OLD);

    String link = links.link("riverside");

    assertThat(link).startsWith("https://campaign.example/calendar/k1.").endsWith(".ics");
    assertThat(links.link("riverside")).isEqualTo(link);
    String token = link.substring("https://campaign.example/calendar/".length());
    assertThat(links.branchOf(token)).contains("riverside");
    assertThat(links.branchOf(links.token("hilltop"))).contains("hilltop");
  }

  @Test
  void aTamperedOrForeignTokenIsNobodys() {
    CalendarLinks links = links("k1", OLD);
    String token = links.token("riverside");
    String otherBranch = links.token("hilltop").split("\\.")[1];
    String[] parts = token.split("\\.");

    assertThat(links.branchOf(parts[0] + "." + otherBranch + "." + parts[2])).isEmpty();
    assertThat(links.branchOf(token.substring(0, token.length() - 2))).isEmpty();
    assertThat(links.branchOf("k1.cml2ZXJzaWRl")).isEmpty();
    assertThat(links.branchOf("nonsense")).isEmpty();
    assertThat(links.branchOf(null)).isEmpty();
    assertThat(links("k1", NEW).branchOf(token)).isEmpty();
  }

  @Test
  void keysRotateWithoutBreakingLinksUntilTheOldKeyIsRemoved() {
    String signedBefore = links("k1", OLD).token("riverside");
    CalendarLinks rotated = links("k2", NEW, "k1", OLD);

    assertThat(rotated.branchOf(signedBefore)).contains("riverside");
    assertThat(rotated.token("riverside")).startsWith("k2.");
    assertThat(links("k2", NEW).branchOf(signedBefore)).isEmpty();
  }

  @Test
  void readsKeysFromTheConfigurationAndFallsBackToTheDevelopmentKey() {
    CalendarLinks configured =
        CalendarLinks.from(
            CampaignConfig.of(
                Map.of(
                    CalendarLinks.KEYS,
                    "k2:" + NEW + ",k1:" + OLD,
                    CalendarLinks.PUBLIC_URL,
                    "https://x.example")));

    assertThat(configured.keyIds()).containsExactly("k2", "k1");
    assertThat(configured.usesDevelopmentKey()).isFalse();
    assertThat(configured.toString()).doesNotContain(NEW).doesNotContain(OLD);
    assertThat(CalendarLinks.from(CampaignConfig.of(Map.of())).usesDevelopmentKey()).isTrue();
    assertThatThrownBy(
            () -> CalendarLinks.from(CampaignConfig.of(Map.of(CalendarLinks.KEYS, "k1:short"))))
        .hasMessageContaining("at least 16 characters")
        .hasMessageNotContaining("short");
  }
}
