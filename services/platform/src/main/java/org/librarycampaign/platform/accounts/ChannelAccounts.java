package org.librarycampaign.platform.accounts;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import library.campaign.events.Platform;
import library.campaign.events.PublisherKind;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * Reads accounts configured per channel, {@code <prefix><branchId>.<PLATFORM>.<field>} with the
 * fields {@code kind}, {@code url}, {@code token}, {@code handle}, {@code app-password} and {@code
 * secret}: the publisher's channels ({@code campaign.publisher.channel.}) and governance's
 * read-only look-up accounts ({@code campaign.governance.lookup.}) are written alike. A setting
 * that cannot work (an unknown kind, platform or field, a missing URL or credential) is refused
 * with a message naming every key at fault.
 */
public final class ChannelAccounts {

  static final Set<String> FIELDS =
      Set.of("kind", "url", "token", "handle", "app-password", "secret");

  private final String prefix;
  private final Set<PublisherKind> kinds;
  private final Set<PublisherKind> credentialOptional;

  /**
   * @param prefix the keys' prefix, ending with a dot
   * @param kinds the kinds an account may have here
   * @param credentialOptional the kinds whose credential may be left out (a read-only look-up on a
   *     server that answers without one)
   */
  public ChannelAccounts(
      String prefix, Set<PublisherKind> kinds, Set<PublisherKind> credentialOptional) {
    this.prefix = prefix;
    this.kinds = kinds.isEmpty() ? EnumSet.noneOf(PublisherKind.class) : EnumSet.copyOf(kinds);
    this.credentialOptional = Set.copyOf(credentialOptional);
  }

  /**
   * Every account under the prefix, by channel id.
   *
   * @throws IllegalArgumentException naming each key at fault
   */
  public Map<String, ChannelAccount> read(CampaignConfig config) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, String>> fields = fields(config, problems);
    Map<String, ChannelAccount> accounts = new TreeMap<>();
    fields.forEach(
        (channelId, values) -> {
          ChannelAccount account = account(channelId, values, problems);
          if (account != null) {
            accounts.put(channelId, account);
          }
        });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return accounts;
  }

  private Map<String, Map<String, String>> fields(CampaignConfig config, List<String> problems) {
    Map<String, Map<String, String>> fields = new TreeMap<>();
    for (String key : config.describe().keySet()) {
      if (!key.startsWith(prefix)) {
        continue;
      }
      String rest = key.substring(prefix.length());
      int fieldDot = rest.lastIndexOf('.');
      int platformDot = fieldDot < 0 ? -1 : rest.lastIndexOf('.', fieldDot - 1);
      if (platformDot <= 0) {
        problems.add(key + ": expected " + prefix + "<branchId>.<PLATFORM>.<field>");
        continue;
      }
      String branch = rest.substring(0, platformDot);
      String platformName = rest.substring(platformDot + 1, fieldDot).toUpperCase(Locale.ROOT);
      String field = rest.substring(fieldDot + 1).toLowerCase(Locale.ROOT);
      Platform platform;
      try {
        platform = Platform.valueOf(platformName);
      } catch (IllegalArgumentException e) {
        problems.add(key + ": unknown platform " + platformName);
        continue;
      }
      if (!FIELDS.contains(field)) {
        problems.add(key + ": unknown field " + field + " (one of " + new TreeSet<>(FIELDS) + ")");
        continue;
      }
      fields
          .computeIfAbsent(branch + "/" + platform.name(), id -> new TreeMap<>())
          .put(field, config.get(key).orElse(""));
    }
    return fields;
  }

  private ChannelAccount account(
      String channelId, Map<String, String> values, List<String> problems) {
    String keyPrefix = prefix + channelId.replace('/', '.') + ".";
    int slash = channelId.lastIndexOf('/');
    String branchId = channelId.substring(0, slash);
    Platform platform = Platform.valueOf(channelId.substring(slash + 1));
    String kindName = values.getOrDefault("kind", "").trim().toUpperCase(Locale.ROOT);
    PublisherKind kind;
    try {
      kind = PublisherKind.valueOf(kindName);
    } catch (IllegalArgumentException e) {
      kind = PublisherKind.UNKNOWN;
    }
    if (!kinds.contains(kind)) {
      problems.add(
          keyPrefix
              + "kind: one of "
              + kinds.stream()
                  .filter(k -> k != PublisherKind.UNKNOWN)
                  .map(k -> k.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", "))
              + " (got '"
              + kindName.toLowerCase(Locale.ROOT)
              + "')");
      return null;
    }
    if (kind == PublisherKind.OUTBOX) {
      return new ChannelAccount(channelId, branchId, platform, kind, null, null, null);
    }
    String kindText = kind.name().toLowerCase(Locale.ROOT);
    URI url = null;
    String urlText = values.get("url");
    if (urlText == null || urlText.isBlank()) {
      problems.add(keyPrefix + "url is required for " + kindText);
    } else {
      try {
        url = URI.create(urlText.trim());
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        if (url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
          problems.add(keyPrefix + "url: not an http(s) URL: " + urlText);
        }
      } catch (IllegalArgumentException e) {
        problems.add(keyPrefix + "url: not a URL: " + urlText);
      }
    }
    String credentialField =
        switch (kind) {
          case MASTODON -> "token";
          case BLUESKY -> "app-password";
          default -> "secret";
        };
    String credential = values.get(credentialField);
    boolean noCredential = credential == null || credential.isBlank();
    boolean missing = noCredential && !credentialOptional.contains(kind);
    if (missing) {
      problems.add(keyPrefix + credentialField + " is required for " + kindText);
    }
    String handle = values.get("handle");
    if (kind == PublisherKind.BLUESKY && (handle == null || handle.isBlank())) {
      problems.add(keyPrefix + "handle is required for bluesky");
    }
    if (missing) {
      return null;
    }
    return new ChannelAccount(
        channelId,
        branchId,
        platform,
        kind,
        url,
        noCredential ? null : new Secret(credential),
        handle == null || handle.isBlank() ? null : handle.strip());
  }
}
