package org.librarycampaign.conflicts.calendar;

import java.time.Instant;

/** Where and when a post goes out: what the time-ordered post indexes hold. */
public record ScheduledPost(String postId, String branchId, Instant scheduledAt) {}
