package org.librarycampaign.cli;

import java.util.Map;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * The public URL of a command that serves HTTP itself ({@code campaign up}, {@code campaign run
 * --http-port}): the links it writes (acknowledge, calendar) point at the port it listens on,
 * unless {@code campaign.public.url} says otherwise.
 *
 * <p>Set here, explicitly, rather than as a default that follows {@code campaign.http.port} in
 * {@link CampaignConfig}: a service (and {@code campaign plan}) computes the same links from the
 * same configuration whatever port its process listens on (README: configuration).
 */
final class OwnPublicUrl {

  private OwnPublicUrl() {}

  /**
   * The configuration with {@code campaign.public.url} set to {@code http://localhost:<port>} when
   * it is not configured; unchanged when it is, or when the port is 0 (any free port: not known
   * before the server starts, so the default stays).
   */
  static CampaignConfig onPort(CampaignConfig config, int port) {
    if (config.get(CampaignConfig.PUBLIC_URL).isPresent() || port == 0) {
      return config;
    }
    return config.with(Map.of(CampaignConfig.PUBLIC_URL, "http://localhost:" + port));
  }
}
