package org.librarycampaign.platform.accounts;

import java.net.URI;
import library.campaign.events.Platform;
import library.campaign.events.PublisherKind;

/**
 * One channel's account on a network, as configured under a prefix ({@link ChannelAccounts}).
 *
 * @param channelId {@code branchId/PLATFORM}
 * @param kind which API the account speaks ({@code mastodon}, {@code bluesky}, ...)
 * @param url the server (null for the outbox)
 * @param credential the Mastodon token, the Bluesky app password or the webhook secret; null when
 *     the kind lets it be left out and it was
 * @param handle the account's handle (Bluesky's sign-in name, or the account itself); may be null
 */
public record ChannelAccount(
    String channelId,
    String branchId,
    Platform platform,
    PublisherKind kind,
    URI url,
    Secret credential,
    String handle) {}
