package org.librarycampaign.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.serde.AvroSerde;

/**
 * What is accepted is what is stored: a line goes JSON -> Avro -> the bytes on the topic -> Avro ->
 * JSON and comes back byte for byte, emoji, combining marks and right-to-left text included.
 */
class UnicodeRoundTripTest {

  private static final String TEXT =
      "\uD83D\uDCDA\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 Ame\u0301lie "
          + "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202bmixed\u202c \u00e9";

  private final EventJson json = new EventJson();

  @Test
  void aTextWithEmojiCombiningMarksAndRightToLeftComesBackByteForByte() {
    String line =
        "{\"type\":\"PostDrafted\",\"postId\":\"p-1.a:b_c\",\"revision\":1,"
            + "\"branchId\":\"eastside\",\"platform\":\"FACEBOOK\",\"category\":\"CONTENT\","
            + "\"text\":\""
            + TEXT
            + "\",\"hashtags\":[\"#Le\u0301ture\"],\"mentions\":[],\"links\":[],\"media\":[],"
            + "\"scheduledAt\":\"2026-12-01T15:00:00Z\",\"author\":\"\u05d3\u05e0\u05d4\","
            + "\"draftedAt\":\"2026-11-27T10:00:00Z\"}";
    ParsedEvent accepted = json.parse(line);
    Serde<PostEvent> serde = new AvroSerde<>(new InMemorySchemaRegistry(), PostEvent.class, true);

    byte[] stored = serde.serializer().serialize("campaign.posts", (PostEvent) accepted.value());
    PostEvent read = serde.deserializer().deserialize("campaign.posts", stored);

    PostDrafted drafted = (PostDrafted) read.getEvent();
    assertThat(drafted.getText().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
    assertThat(json.write(read).getBytes(StandardCharsets.UTF_8))
        .isEqualTo(json.write(accepted.value()).getBytes(StandardCharsets.UTF_8));
    assertThat(json.parse(json.write(read)).value()).isEqualTo(accepted.value());
    assertThat(accepted.key()).isEqualTo("eastside");
  }
}
