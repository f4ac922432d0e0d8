package org.librarycampaign.governance.decision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import library.campaign.events.Severity;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.policy.ChannelRules;
import org.librarycampaign.governance.policy.PlatformDefaults;

/** The sentences of reasons and warnings, written for a comms officer. */
public final class Messages {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_AND_YEAR =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private Messages() {}

  /** "Tue 1 Dec". */
  public static String day(LocalDate date) {
    return DAY.format(date);
  }

  public static String textTooLong(int length, ChannelRules rules) {
    return "Rejected: the text has "
        + length
        + " characters and "
        + PlatformDefaults.displayName(rules.platform())
        + " allows at most "
        + rules.textLimit()
        + " on "
        + rules.channelId()
        + "; shorten it by "
        + (length - rules.textLimit());
  }

  public static String politicalSpeechRestricted(ChannelRules rules) {
    return "Rejected: "
        + rules.channelId()
        + " may not carry political speech under the library's social-media policy;"
        + " share this campaign post through partner and champion pages instead";
  }

  public static String dailyLimit(
      ChannelRules rules, LocalDate day, int approvedThatDay, LocalDate nextDayWithRoom) {
    return "Rejected: "
        + rules.capSetBy()
        + " allows "
        + count(rules.maxPostsPerDay(), "post", "posts")
        + " a day on "
        + rules.channelId()
        + " and "
        + day(day)
        + " already has "
        + approvedThatDay
        + "; next day with room: "
        + day(nextDayWithRoom);
  }

  public static String ratioLimit(
      ChannelRules rules, int approvedCampaign, int approvedContent, int ahead, int needed) {
    String queue =
        ahead == 0
            ? ""
            : " and "
                + count(ahead, "held campaign post is", "held campaign posts are")
                + " ahead of this one";
    return "Held: this week has "
        + count(approvedCampaign, "approved campaign post", "approved campaign posts")
        + " and "
        + count(approvedContent, "content post", "content posts")
        + " on "
        + rules.channelId()
        + queue
        + "; "
        + count(needed, "more content post", "more content posts")
        + " would free it";
  }

  public static String crisisPause(String branchId, BranchCrises crises) {
    return "Held: "
        + branchId
        + " is in a crisis ("
        + incidents(crises)
        + "); campaign posts wait until it is resolved";
  }

  public static String withdrawn(String reason) {
    return reason == null || reason.isBlank()
        ? "Withdrawn by the branch"
        : "Withdrawn by the branch: " + reason.strip();
  }

  public static String noCallToAction() {
    return "No call to action: say what readers should do, e.g. \"Sign the petition\" or"
        + " \"Come to the budget hearing\"";
  }

  public static String noLink() {
    return "No link: add one where readers can act or learn more";
  }

  public static String noVisual() {
    return "No visual: attach an image or a video; posts with one get noticed more";
  }

  public static String hashtagUsedBefore(String hashtag, HashtagUse first, ZoneId zone) {
    String user =
        first.campaignId() != null
            ? "campaign " + first.campaignId() + " (" + first.branchId() + ")"
            : "branch " + first.branchId();
    return hashtag
        + " was first used by "
        + user
        + " on "
        + DAY_AND_YEAR.format(first.usedAt().atZone(zone))
        + "; make sure it says what you mean here";
  }

  public static String noOfficialsTagged() {
    return "No officials tagged: mention the officials this post addresses, e.g. @CountyExec";
  }

  public static String crisisActive(String branchId, BranchCrises crises) {
    return branchId
        + " is in a crisis ("
        + incidents(crises)
        + "): check that this post reads well in the moment";
  }

  /** "incident i1, HIGH" or "incidents i1, HIGH and i2, CRITICAL". */
  private static String incidents(BranchCrises crises) {
    Map<String, Severity> active = crises.active();
    List<String> each = new ArrayList<>();
    active.forEach((id, severity) -> each.add(id + ", " + severity));
    String joined =
        each.size() <= 1
            ? String.join("", each)
            : String.join("; ", each.subList(0, each.size() - 1))
                + " and "
                + each.get(each.size() - 1);
    return (active.size() == 1 ? "incident " : "incidents ") + joined;
  }

  private static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
