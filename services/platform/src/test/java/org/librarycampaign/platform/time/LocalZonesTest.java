package org.librarycampaign.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.Platform;
import library.campaign.events.PostingWindow;
import org.junit.jupiter.api.Test;

class LocalZonesTest {

  private static final ZoneId SERVICE = ZoneId.of("Europe/London");

  private static ChannelPolicy policy(String zone, PostingWindow window) {
    return ChannelPolicy.newBuilder()
        .setBranchId("eastside")
        .setPlatform(Platform.FACEBOOK)
        .setZone(zone)
        .setPostingWindow(window)
        .build();
  }

  private static BranchSettings settings(String branchId, String zone, PostingWindow window) {
    return BranchSettings.newBuilder()
        .setBranchId(branchId)
        .setZone(zone)
        .setReportContacts(List.of())
        .setPostingWindow(window)
        .build();
  }

  private static LocalZones zones(
      Map<String, ChannelPolicy> policies, Map<String, BranchSettings> branches) {
    return new LocalZones(policies::get, branches::get, SERVICE);
  }

  @Test
  void theChannelsZoneComesFirst() {
    LocalZones zones =
        zones(
            Map.of("eastside/FACEBOOK", policy("America/Denver", null)),
            Map.of("eastside", settings("eastside", "America/Chicago", null)));

    assertThat(zones.zone("eastside", "FACEBOOK")).isEqualTo(ZoneId.of("America/Denver"));
    assertThat(zones.zone("eastside", "X")).isEqualTo(ZoneId.of("America/Chicago"));
    assertThat(zones.zone("eastside")).isEqualTo(ZoneId.of("America/Chicago"));
  }

  @Test
  void aBranchWithoutAZoneTakesThatOfEveryBranchThenTheServices() {
    LocalZones withDefault =
        zones(
            Map.of("eastside/FACEBOOK", policy(null, null)),
            Map.of(
                "eastside", settings("eastside", null, null),
                "*", settings("*", "Pacific/Pago_Pago", null)));
    LocalZones without = zones(Map.of(), Map.of());

    assertThat(withDefault.zone("eastside", "FACEBOOK")).isEqualTo(ZoneId.of("Pacific/Pago_Pago"));
    assertThat(withDefault.zone("westside")).isEqualTo(ZoneId.of("Pacific/Pago_Pago"));
    assertThat(without.zone("eastside", "FACEBOOK")).isEqualTo(SERVICE);
  }

  @Test
  void aZoneThatDoesNotParseIsPassedOver() {
    LocalZones zones =
        zones(
            Map.of("eastside/FACEBOOK", policy("Mars/Olympus", null)),
            Map.of("eastside", settings("eastside", "America/Chicago", null)));

    assertThat(zones.zone("eastside", "FACEBOOK")).isEqualTo(ZoneId.of("America/Chicago"));
  }

  @Test
  void theChannelsWindowComesFirstThenTheBranchesThenEightToNine() {
    LocalZones zones =
        zones(
            Map.of("eastside/FACEBOOK", policy(null, new PostingWindow("10:00", "16:00"))),
            Map.of("*", settings("*", null, new PostingWindow("07:30", "19:00"))));

    assertThat(zones.postingHours("eastside", "FACEBOOK"))
        .isEqualTo(new PostingHours(LocalTime.of(10, 0), LocalTime.of(16, 0)));
    assertThat(zones.postingHours("eastside", "X"))
        .isEqualTo(new PostingHours(LocalTime.of(7, 30), LocalTime.of(19, 0)));
    assertThat(zones(Map.of(), Map.of()).postingHours("eastside", "X"))
        .isEqualTo(PostingHours.DEFAULT)
        .isEqualTo(new PostingHours(LocalTime.of(8, 0), LocalTime.of(21, 0)));
  }
}
