package org.librarycampaign.governance.decision;

import java.time.Instant;

/** A post's week on its channel, counted after a decision. */
public record WindowCounts(
    Instant start, Instant end, int content, int campaign, int allowedCampaign) {}
