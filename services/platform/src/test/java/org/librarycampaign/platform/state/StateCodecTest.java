package org.librarycampaign.platform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;

class StateCodecTest {

  enum Colour {
    RED,
    GREEN
  }

  record Part(String name, Colour colour) {}

  record Sample(
      String id,
      int count,
      boolean flag,
      String optional,
      Instant at,
      LocalDate day,
      Duration buffer,
      List<Part> parts,
      Map<LocalDate, Integer> perDay) {

    /** Derived, not stored. */
    public boolean isEmpty() {
      return parts.isEmpty();
    }
  }

  private final StateCodec<Sample> codec = StateCodec.of(Sample.class);

  @Property
  void aValueReadsBackEqual(@ForAll("samples") Sample sample) {
    assertThat(codec.decode(codec.encode(sample))).isEqualTo(sample);
  }

  @Example
  void aValueOfAnOlderShapeReadsWithDefaults() {
    byte[] older = StateCodec.fromJson("{\"id\":\"p1\",\"at\":1764600000123}");

    assertThat(codec.decode(older))
        .isEqualTo(
            new Sample(
                "p1",
                0,
                false,
                null,
                Instant.ofEpochMilli(1764600000123L),
                null,
                null,
                List.of(),
                Map.of()));
  }

  @Example
  void fieldsALaterVersionAddsAreIgnored() {
    byte[] newer =
        StateCodec.fromJson(
            "{\"id\":\"p1\",\"count\":3,\"addedLater\":{\"x\":[1,2]},\"parts\":[]}");

    assertThat(codec.decode(newer).count()).isEqualTo(3);
  }

  @Example
  void theStoredFormStartsWithItsFormatAndKeepsOnlyTheComponents() {
    Sample sample =
        new Sample(
            "p1",
            2,
            true,
            null,
            Instant.parse("2026-12-01T15:00:00.123Z"),
            LocalDate.parse("2026-11-30"),
            Duration.ofMinutes(30),
            List.of(new Part("a", Colour.RED)),
            Map.of(LocalDate.parse("2026-12-01"), 1));

    byte[] stored = codec.encode(sample);

    assertThat(stored[0]).isEqualTo(StateCodec.FORMAT);
    assertThat(StateCodec.toJson(stored))
        .isEqualTo(
            "{\"id\":\"p1\",\"count\":2,\"flag\":true,\"at\":1796137200123,"
                + "\"day\":[2026,11,30],\"buffer\":1800000,"
                + "\"parts\":[{\"name\":\"a\",\"colour\":\"RED\"}],"
                + "\"perDay\":{\"2026-12-01\":1}}");
  }

  @Example
  void anotherFormatOrGarbageIsASerializationError() {
    assertThatThrownBy(() -> codec.decode(new byte[] {1, 0, 0, 0, 2, 'p', '1'}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("format 1");
    assertThatThrownBy(() -> codec.decode(new byte[] {StateCodec.FORMAT, (byte) 0xFF, 3}))
        .isInstanceOf(SerializationException.class);
    assertThat(codec.decode(null)).isNull();
    assertThat(codec.encode(null)).isNull();
  }

  @Example
  void aDomainTypeIsStoredThroughItsStoredRecord() {
    StateCodec<TreeMap<String, Integer>> counts =
        StateCodec.of(Part.class)
            .as(
                map -> new Part(map.firstKey(), Colour.GREEN),
                part -> new TreeMap<>(Map.of(part.name(), 1)));

    assertThat(counts.decode(counts.encode(new TreeMap<>(Map.of("x", 5)))))
        .isEqualTo(Map.of("x", 1));
  }

  @Provide
  Arbitrary<Sample> samples() {
    Arbitrary<String> texts = Arbitraries.strings().ofMaxLength(12);
    Arbitrary<Instant> instants =
        Arbitraries.longs()
            .between(-62_135_596_800_000L, 253_402_300_799_999L)
            .map(Instant::ofEpochMilli);
    Arbitrary<LocalDate> days =
        Arbitraries.longs().between(-100_000, 100_000).map(LocalDate::ofEpochDay);
    Arbitrary<Part> parts = Combinators.combine(texts, Arbitraries.of(Colour.class)).as(Part::new);
    return Combinators.combine(
            Combinators.combine(
                    texts,
                    Arbitraries.integers(),
                    Arbitraries.of(true, false),
                    texts.injectNull(0.3),
                    instants)
                .as((a, b, c, d, e) -> Arrays.asList(a, b, c, d, e)),
            days.injectNull(0.2),
            Arbitraries.longs().between(0, 1_000_000_000L).map(Duration::ofMillis),
            parts.list().ofMaxSize(3),
            Arbitraries.maps(days, Arbitraries.integers()).ofMaxSize(3))
        .as(
            (first, day, buffer, partList, perDay) ->
                new Sample(
                    (String) first.get(0),
                    (Integer) first.get(1),
                    (Boolean) first.get(2),
                    (String) first.get(3),
                    (Instant) first.get(4),
                    day,
                    buffer,
                    partList,
                    perDay));
  }
}
