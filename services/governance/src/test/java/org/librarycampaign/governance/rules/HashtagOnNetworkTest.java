package org.librarycampaign.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.WarningCode;
import org.junit.jupiter.api.Test;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Warning;
import org.librarycampaign.governance.hashtags.lookup.TagCheck;

class HashtagOnNetworkTest {

  private static final Draft DRAFT =
      Posts.draft(
          PostCategory.CONTENT,
          Platform.MASTODON,
          "Story time #StoryTime #Quiet",
          List.of("#FundOurLibrary", "#Levy"),
          List.of(),
          List.of(),
          1);

  private static List<Warning> warnings(Map<String, TagCheck> checks) {
    PostContext context =
        PostContext.forAdvice(
                DRAFT,
                PostChecks.hashtagUses(DRAFT, Posts.DRAFTED),
                tag -> Optional.empty(),
                new BranchCrises(),
                ChannelRules.defaults("eastside", Platform.MASTODON))
            .withTagChecks(checks);
    return new HashtagOnNetwork()
        .check(context).stream().map(f -> ((Finding.Advice) f).warning()).toList();
  }

  @Test
  void withoutChecksThereIsNoWarning() {
    assertThat(warnings(Map.of())).isEmpty();
  }

  @Test
  void tagsInUseElsewhereComeFirstWithCountAndExampleThenTagsNotCheckedInThePostsOrder() {
    assertThat(
            warnings(
                Map.of(
                    "levy", new TagCheck.NotChecked("no answer within 2000 ms"),
                    "storytime", new TagCheck.InUse(40, true, "https://m.example/@a/1", 7),
                    "fundourlibrary", new TagCheck.InUse(1, false, "https://m.example/@b/2", 1),
                    "quiet", new TagCheck.Quiet())))
        .containsExactly(
            new Warning(
                WarningCode.HASHTAG_IN_USE_ELSEWHERE,
                "#FundOurLibrary is in use on Mastodon: 1 post by others in the last 1 day, for"
                    + " example https://m.example/@b/2; make sure it says what you mean here",
                "#FundOurLibrary",
                null,
                null,
                1,
                "https://m.example/@b/2"),
            new Warning(
                WarningCode.HASHTAG_IN_USE_ELSEWHERE,
                "#StoryTime is in use on Mastodon: at least 40 posts by others in the last 7 days,"
                    + " for example https://m.example/@a/1; make sure it says what you mean here",
                "#StoryTime",
                null,
                null,
                40,
                "https://m.example/@a/1"),
            new Warning(
                WarningCode.HASHTAG_NOT_CHECKED,
                "#Levy could not be checked on Mastodon: no answer within 2000 ms; look it up"
                    + " there before posting",
                "#Levy",
                null,
                null));
  }
}
