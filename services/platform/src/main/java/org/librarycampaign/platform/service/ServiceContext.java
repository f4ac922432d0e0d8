package org.librarycampaign.platform.service;

import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** What a service is started with. */
public record ServiceContext(CampaignConfig config, TopicCatalogue topics, Readiness readiness) {}
