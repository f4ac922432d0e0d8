package org.librarycampaign.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import library.campaign.events.PublisherKind;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;

class PublisherSettingsTest {

  @Test
  void channelsAreReadPerBranchAndPlatformAndTheRestGoesToTheOutbox() {
    CampaignConfig config =
        CampaignConfig.load(
            java.util.Optional.empty(),
            Map.of(
                "CAMPAIGN_PUBLISHER_CHANNEL_EASTSIDE_BLUESKY_KIND", "bluesky",
                "CAMPAIGN_PUBLISHER_CHANNEL_EASTSIDE_BLUESKY_URL", "https://bsky.social",
                "CAMPAIGN_PUBLISHER_CHANNEL_EASTSIDE_BLUESKY_HANDLE", "eastside.bsky.social",
                "CAMPAIGN_PUBLISHER_CHANNEL_EASTSIDE_BLUESKY_APP__PASSWORD", "app-pass-1"),
            Map.of(
                "campaign.publisher.channel.north.branch.MASTODON.kind", "mastodon",
                "campaign.publisher.channel.north.branch.MASTODON.url", "https://mastodon.social",
                "campaign.publisher.channel.north.branch.MASTODON.token", "tok-1"));
    PublisherSettings settings = PublisherSettings.from(config);

    assertThat(settings.channels()).containsOnlyKeys("eastside/BLUESKY", "north.branch/MASTODON");
    var bluesky = settings.channels().get("eastside/BLUESKY");
    assertThat(bluesky.kind()).isEqualTo(PublisherKind.BLUESKY);
    assertThat(bluesky.handle()).isEqualTo("eastside.bsky.social");
    assertThat(bluesky.credential().reveal()).isEqualTo("app-pass-1");
    assertThat(bluesky.toString()).doesNotContain("app-pass-1");
    assertThat(config.describe().toString()).doesNotContain("app-pass-1").doesNotContain("tok-1");
    assertThat(settings.publishers().kindOf("north.branch/MASTODON"))
        .isEqualTo(PublisherKind.MASTODON);
    assertThat(settings.publishers().kindOf("eastside/FACEBOOK")).isEqualTo(PublisherKind.OUTBOX);
  }

  @Test
  void aChannelThatCannotWorkStopsTheStartNamingEveryKeyAtFault() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                "campaign.publisher.channel.eastside.MASTODON.kind", "mastodon",
                "campaign.publisher.channel.eastside.MASTODON.url", "ftp://x",
                "campaign.publisher.channel.eastside.MYSPACE.kind", "webhook",
                "campaign.publisher.channel.eastside.BLUESKY.kind", "carrier-pigeon",
                "campaign.publisher.channel.eastside.X.colour", "blue"));
    assertThatThrownBy(() -> PublisherSettings.from(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "campaign.publisher.channel.eastside.MYSPACE.kind: unknown platform MYSPACE")
        .hasMessageContaining("campaign.publisher.channel.eastside.X.colour: unknown field colour")
        .hasMessageContaining(
            "campaign.publisher.channel.eastside.BLUESKY.kind: one of mastodon, bluesky, webhook,"
                + " outbox (got 'carrier-pigeon')")
        .hasMessageContaining(
            "campaign.publisher.channel.eastside.MASTODON.url: not an http(s) URL: ftp://x")
        .hasMessageContaining(
            "campaign.publisher.channel.eastside.MASTODON.token is required for mastodon");
  }
}
