package org.librarycampaign.governance.hashtags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashtagsTest {

  @Test
  void tagsAreComparedWithoutCaseHashOrWidth() {
    assertThat(Hashtags.normalize("#FundOurLibrary")).isEqualTo("fundourlibrary");
    assertThat(Hashtags.normalize("fundourlibrary")).isEqualTo("fundourlibrary");
    assertThat(Hashtags.normalize("＃ＦｕｎｄＯｕｒＬｉｂｒａｒｙ")).isEqualTo("fundourlibrary");
    assertThat(Hashtags.normalize("##")).isEmpty();
  }

  @Test
  void aPostsTagsAreItsFieldThenItsTextEachOnce() {
    List<String> tags =
        Hashtags.inPost(
            List.of("FundOurLibrary", "#Vote2027", "#"),
            "Fund us! #fundourlibrary #LibrariesMatter and a#notatag, #2027 and https://x.org/#anchor");

    assertThat(tags).containsExactly("#FundOurLibrary", "#Vote2027", "#LibrariesMatter");
  }

  @Test
  void theFirstUseIsTheEarliestThenByBranchThenByPost() {
    Instant noon = Instant.parse("2026-12-01T12:00:00Z");
    HashtagUse east = new HashtagUse("#A", "eastside", null, "p9", noon);
    HashtagUse west = new HashtagUse("#a", "westside", null, "p1", noon);
    HashtagUse earlier = new HashtagUse("#a", "westside", null, "p2", noon.minusSeconds(1));

    assertThat(east.isBefore(west)).isTrue();
    assertThat(west.isBefore(east)).isFalse();
    assertThat(earlier.isBefore(east)).isTrue();
  }

  @Test
  void theUserOfATagIsTheCampaignOfACampaignPostElseTheBranch() {
    Instant at = Instant.parse("2026-12-01T12:00:00Z");
    HashtagUse campaignEast = new HashtagUse("#a", "eastside", "budget", "p1", at);
    HashtagUse campaignWest = new HashtagUse("#a", "westside", "budget", "p2", at);
    HashtagUse contentEast = new HashtagUse("#a", "eastside", null, "p3", at);
    HashtagUse contentEastAgain = new HashtagUse("#a", "eastside", null, "p4", at);

    assertThat(campaignEast.sameUserAs(campaignWest)).isTrue();
    assertThat(campaignEast.sameUserAs(contentEast)).isFalse();
    assertThat(contentEast.sameUserAs(campaignEast)).isFalse();
    assertThat(contentEast.sameUserAs(contentEastAgain)).isTrue();
    assertThat(campaignWest.usedBy()).isEqualTo("budget");
    assertThat(contentEast.usedBy()).isEqualTo("eastside");
  }
}
