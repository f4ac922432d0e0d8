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

  /** Part in a layout of its own: version 2 added the colour. */
  static final class PartLayout implements StateLayout<Part> {
    @Override
    public int version() {
      return 2;
    }

    @Override
    public void write(StateWriter out, Part part) {
      out.writeString(part.name());
      out.writeEnum(part.colour());
    }

    @Override
    public Part read(StateReader in, int version) {
      return new Part(in.readString(), version >= 2 ? in.readEnum(Colour.class) : Colour.RED);
    }
  }

  private final StateCodec<Part> byName = StateCodec.of(Part.class);
  private final StateCodec<Part> laidOut = StateCodec.of(Part.class).withLayout(new PartLayout());

  @Property
  void aValueInALayoutReadsBackEqual(
      @ForAll("texts") String name, @ForAll("colours") Colour colour) {
    Part part = new Part(name, colour);

    byte[] stored = laidOut.encode(part);

    assertThat(stored[0]).isEqualTo(StateCodec.LAYOUT_FORMAT);
    assertThat(stored[1]).isEqualTo((byte) 2);
    assertThat(laidOut.decode(stored)).isEqualTo(part);
  }

  @Property
  void aCodecWithALayoutStillReadsWhatWasStoredByName(
      @ForAll("texts") String name, @ForAll("colours") Colour colour) {
    Part part = new Part(name, colour);

    assertThat(laidOut.decode(byName.encode(part))).isEqualTo(part);
  }

  @Property
  void numbersKeepTheirValueInALayout(
      @ForAll int count, @ForAll long millis, @ForAll boolean flag) {
    StateCodec<long[]> numbers =
        StateCodec.of(long[].class)
            .withLayout(
                new StateLayout<>() {
                  @Override
                  public int version() {
                    return 1;
                  }

                  @Override
                  public void write(StateWriter out, long[] value) {
                    out.writeInt((int) value[0]);
                    out.writeLong(value[1]);
                    out.writeBoolean(value[2] == 1);
                    out.writeCount((int) value[3]);
                    out.writeInstant(Instant.ofEpochMilli(value[1]));
                    out.writeDate(LocalDate.ofEpochDay(value[0]));
                    out.writeInstant(null);
                    out.writeDate(null);
                    out.writeString(null);
                  }

                  @Override
                  public long[] read(StateReader in, int version) {
                    long[] read = {
                      in.readInt(), in.readLong(), in.readBoolean() ? 1 : 0, in.readCount()
                    };
                    assertThat(in.readInstant()).isEqualTo(Instant.ofEpochMilli(read[1]));
                    assertThat(in.readDate()).isEqualTo(LocalDate.ofEpochDay(read[0]));
                    assertThat(in.readInstant()).isNull();
                    assertThat(in.readDate()).isNull();
                    assertThat(in.readString()).isNull();
                    return read;
                  }
                });
    long[] value = {count, millis, flag ? 1 : 0, Math.abs((long) count % 1_000_000)};

    assertThat(numbers.decode(numbers.encode(value))).containsExactly(value);
  }

  @Example
  void anOlderLayoutVersionReadsWithItsDefaults() {
    byte[] version1 = {StateCodec.LAYOUT_FORMAT, 1, 3, 'p', '1'};

    assertThat(laidOut.decode(version1)).isEqualTo(new Part("p1", Colour.RED));
  }

  @Example
  void aNewerLayoutVersionOrCutOrLongerBytesAreSerializationErrors() {
    byte[] stored = laidOut.encode(new Part("p1", Colour.GREEN));
    byte[] newer = stored.clone();
    newer[1] = 3;
    byte[] longer = Arrays.copyOf(stored, stored.length + 1);

    assertThatThrownBy(() -> laidOut.decode(newer))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("layout version 3");
    for (int cut = 1; cut < stored.length; cut++) {
      byte[] shorter = Arrays.copyOf(stored, cut);
      assertThatThrownBy(() -> laidOut.decode(shorter)).isInstanceOf(SerializationException.class);
    }
    assertThatThrownBy(() -> laidOut.decode(longer)).isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> byName.decode(stored))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("format 3");
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().ofMaxLength(40).injectNull(0.1);
  }

  @Provide
  Arbitrary<Colour> colours() {
    return Arbitraries.of(Colour.class).injectNull(0.1);
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
