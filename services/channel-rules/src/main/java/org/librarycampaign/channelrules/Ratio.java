package org.librarycampaign.channelrules;

/**
 * The balance of a channel's week: one approved campaign post per {@code contentPerCampaign}
 * approved content posts. Only approved posts count.
 */
public final class Ratio {

  private Ratio() {}

  /** Campaign posts a week with this many approved content posts may carry. */
  public static int allowedCampaign(int approvedContent, int contentPerCampaign) {
    return Math.floorDiv(approvedContent, contentPerCampaign);
  }

  /**
   * Whether one more campaign post fits: approvedCampaign < floor(content / contentPerCampaign).
   */
  public static boolean allowsCampaign(
      int approvedCampaign, int approvedContent, int contentPerCampaign) {
    return approvedCampaign < allowedCampaign(approvedContent, contentPerCampaign);
  }

  /**
   * How many more approved content posts would let a campaign post in, when {@code ahead} held
   * campaign posts would be let in before it: {@code (campaign + 1 + ahead) × contentPerCampaign −
   * content}, never below 0.
   */
  public static int contentPostsNeeded(
      int approvedCampaign, int approvedContent, int contentPerCampaign, int ahead) {
    return Math.max(0, (approvedCampaign + 1 + ahead) * contentPerCampaign - approvedContent);
  }
}
