package org.librarycampaign.governance.hashtags.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import library.campaign.events.PublisherKind;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;

class HashtagLookupSettingsTest {

  @Test
  void withoutAccountsThereIsNoLookUp() {
    HashtagLookupSettings settings = HashtagLookupSettings.from(CampaignConfig.of(Map.of()));
    assertThat(settings.accounts()).isEmpty();
    assertThat(settings.lookup()).isSameAs(HashtagLookup.NONE);
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.days()).isEqualTo(7);
  }

  @Test
  void publisherAccountsOnMastodonAndBlueskyAreUsedAndReadOnlyAccountsComeFirst() {
    CampaignConfig config =
        CampaignConfig.load(
            Optional.empty(),
            Map.of("CAMPAIGN_GOVERNANCE_LOOKUP_ACCOUNT_NORTH_MASTODON_TOKEN", "read-tok"),
            Map.ofEntries(
                Map.entry("campaign.publisher.channel.eastside.MASTODON.kind", "mastodon"),
                Map.entry(
                    "campaign.publisher.channel.eastside.MASTODON.url", "https://mastodon.social"),
                Map.entry("campaign.publisher.channel.eastside.MASTODON.token", "write-tok"),
                Map.entry("campaign.publisher.channel.eastside.FACEBOOK.kind", "webhook"),
                Map.entry(
                    "campaign.publisher.channel.eastside.FACEBOOK.url", "https://hooks.example"),
                Map.entry("campaign.publisher.channel.eastside.FACEBOOK.secret", "s"),
                Map.entry("campaign.governance.lookup.account.eastside.MASTODON.kind", "mastodon"),
                Map.entry(
                    "campaign.governance.lookup.account.eastside.MASTODON.url",
                    "https://other.social"),
                Map.entry("campaign.governance.lookup.account.west.BLUESKY.kind", "bluesky"),
                Map.entry(
                    "campaign.governance.lookup.account.west.BLUESKY.url", "https://bsky.social"),
                Map.entry(
                    "campaign.governance.lookup.account.west.BLUESKY.handle", "west.bsky.social"),
                Map.entry("campaign.governance.lookup.account.west.BLUESKY.app-password", "pw"),
                Map.entry("campaign.governance.lookup.account.north.MASTODON.kind", "mastodon"),
                Map.entry(
                    "campaign.governance.lookup.account.north.MASTODON.url",
                    "https://north.social"),
                Map.entry("campaign.governance.lookup.timeout", "750ms"),
                Map.entry("campaign.governance.lookup.days", "3")));

    HashtagLookupSettings settings = HashtagLookupSettings.from(config);

    assertThat(settings.accounts())
        .containsOnlyKeys("eastside/MASTODON", "west/BLUESKY", "north/MASTODON");
    // the read-only account, without a token, over the publisher's
    assertThat(settings.accounts().get("eastside/MASTODON").url().getHost())
        .isEqualTo("other.social");
    assertThat(settings.accounts().get("eastside/MASTODON").credential()).isNull();
    assertThat(settings.accounts().get("north/MASTODON").credential().reveal())
        .isEqualTo("read-tok");
    assertThat(settings.accounts().get("west/BLUESKY").kind()).isEqualTo(PublisherKind.BLUESKY);
    assertThat(settings.accounts().toString()).doesNotContain("read-tok").doesNotContain("pw,");
    assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(settings.days()).isEqualTo(3);
    assertThat(settings.lookup()).isInstanceOf(NetworkHashtagLookup.class);
  }

  @Test
  void anAccountThatCannotWorkStopsTheStartNamingTheKeys() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                "campaign.governance.lookup.account.eastside.BLUESKY.kind", "bluesky",
                "campaign.governance.lookup.account.eastside.BLUESKY.url", "https://bsky.social",
                "campaign.governance.lookup.account.eastside.X.kind", "webhook",
                "campaign.governance.lookup.account.eastside.MASTODON.kind", "mastodon"));
    assertThatThrownBy(() -> HashtagLookupSettings.from(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "campaign.governance.lookup.account.eastside.BLUESKY.app-password is required for"
                + " bluesky")
        .hasMessageContaining(
            "campaign.governance.lookup.account.eastside.BLUESKY.handle is required for bluesky")
        .hasMessageContaining(
            "campaign.governance.lookup.account.eastside.X.kind: one of mastodon, bluesky (got"
                + " 'webhook')")
        .hasMessageContaining(
            "campaign.governance.lookup.account.eastside.MASTODON.url is required for mastodon");
  }

  @Test
  void settingsOutOfBoundsAreRefusedByName() {
    assertThatThrownBy(
            () ->
                HashtagLookupSettings.from(
                    CampaignConfig.of(Map.of("campaign.governance.lookup.timeout", "0s"))))
        .hasMessageContaining("campaign.governance.lookup.timeout must be positive");
    assertThatThrownBy(
            () ->
                HashtagLookupSettings.from(
                    CampaignConfig.of(Map.of("campaign.governance.lookup.days", "0"))))
        .hasMessageContaining("campaign.governance.lookup.days must be at least 1");
  }
}
