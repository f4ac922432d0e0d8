package org.librarycampaign.channelrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import library.campaign.events.Platform;
import org.junit.jupiter.api.Test;

class PlatformDefaultsTest {

  @Test
  void dailyCapsFollowTheGovernanceReadme() {
    Map<Platform, Integer> caps = new EnumMap<>(Platform.class);
    for (Platform platform : Platform.values()) {
      caps.put(platform, PlatformDefaults.maxPostsPerDay(platform));
    }

    assertThat(caps)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Platform.X, 8,
                Platform.FACEBOOK, 3,
                Platform.INSTAGRAM, 2,
                Platform.THREADS, 5,
                Platform.BLUESKY, 8,
                Platform.MASTODON, 8,
                Platform.LINKEDIN, 2,
                Platform.YOUTUBE, 1,
                Platform.TIKTOK, 3,
                Platform.OTHER, 3));
  }

  @Test
  void textLimitsFollowTheGovernanceReadme() {
    Map<Platform, Integer> limits = new EnumMap<>(Platform.class);
    for (Platform platform : Platform.values()) {
      limits.put(platform, PlatformDefaults.textLimit(platform));
    }

    assertThat(limits)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Platform.X, 280,
                Platform.FACEBOOK, 5000,
                Platform.INSTAGRAM, 2200,
                Platform.THREADS, 500,
                Platform.BLUESKY, 300,
                Platform.MASTODON, 500,
                Platform.LINKEDIN, 3000,
                Platform.YOUTUBE, 5000,
                Platform.TIKTOK, 2200,
                Platform.OTHER, 5000));
  }

  @Test
  void sweetSpotsFollowTheGovernanceReadme() {
    Map<Platform, Integer> spots = new EnumMap<>(Platform.class);
    for (Platform platform : Platform.values()) {
      spots.put(platform, PlatformDefaults.conciseLength(platform));
    }

    assertThat(spots)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Platform.X, 100,
                Platform.FACEBOOK, 80,
                Platform.INSTAGRAM, 125,
                Platform.THREADS, 100,
                Platform.BLUESKY, 100,
                Platform.MASTODON, 100,
                Platform.LINKEDIN, 140,
                Platform.YOUTUBE, 100,
                Platform.TIKTOK, 150,
                Platform.OTHER, 100));
    assertThat(PlatformDefaults.NOT_CONCISE_FACTOR).isEqualTo(2);
    for (Platform platform : Platform.values()) {
      assertThat(PlatformDefaults.conciseLength(platform) * PlatformDefaults.NOT_CONCISE_FACTOR)
          .as("a tip before the hard limit on %s", platform)
          .isLessThan(PlatformDefaults.textLimit(platform));
    }
  }

  @Test
  void videoIsNativeOnTheVideoFirstFeeds() {
    assertThat(java.util.Arrays.stream(Platform.values()).filter(PlatformDefaults::videoNative))
        .containsExactlyInAnyOrder(
            Platform.FACEBOOK,
            Platform.INSTAGRAM,
            Platform.LINKEDIN,
            Platform.YOUTUBE,
            Platform.TIKTOK);
  }

  @Test
  void platformsAreNamedAsACommsOfficerWritesThem() {
    Map<Platform, String> names = new EnumMap<>(Platform.class);
    for (Platform platform : Platform.values()) {
      names.put(platform, PlatformDefaults.displayName(platform));
    }

    assertThat(names)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Platform.X, "X",
                Platform.FACEBOOK, "Facebook",
                Platform.INSTAGRAM, "Instagram",
                Platform.THREADS, "Threads",
                Platform.BLUESKY, "Bluesky",
                Platform.MASTODON, "Mastodon",
                Platform.LINKEDIN, "LinkedIn",
                Platform.YOUTUBE, "YouTube",
                Platform.TIKTOK, "TikTok",
                Platform.OTHER, "this platform"));
  }

  @Test
  void threeContentPostsPerCampaignPostInUtcByDefault() {
    assertThat(PlatformDefaults.CONTENT_PER_CAMPAIGN).isEqualTo(3);
    assertThat(PlatformDefaults.ZONE.getId()).isEqualTo("UTC");
  }
}
