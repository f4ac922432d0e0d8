package org.librarycampaign.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TimeOrderedKeyTest {

  @Property
  void byteOrderIsTimeThenIdOrder(
      @ForAll("keys") TimeOrderedKey a, @ForAll("keys") TimeOrderedKey b) {
    int bytes = Arrays.compareUnsigned(a.toBytes(), b.toBytes());

    assertThat(Integer.signum(bytes)).isEqualTo(Integer.signum(a.compareTo(b)));
  }

  @Property
  void aKeyReadsBackEqual(@ForAll("keys") TimeOrderedKey key) {
    byte[] bytes = TimeOrderedKey.serde().serializer().serialize("t", key);

    assertThat(TimeOrderedKey.serde().deserializer().deserialize("t", bytes)).isEqualTo(key);
  }

  @Property
  void theFirstKeyAtATimeIsNoGreaterThanAnyKeyAtOrAfterIt(@ForAll("keys") TimeOrderedKey key) {
    assertThat(Arrays.compareUnsigned(TimeOrderedKey.first(key.at()).toBytes(), key.toBytes()))
        .isLessThanOrEqualTo(0);
  }

  @Example
  void aTimeIsKeptToTheMillisecond() {
    Instant at = Instant.parse("2026-12-01T15:15:00.123456Z");

    assertThat(new TimeOrderedKey(at, "i1").at()).isEqualTo("2026-12-01T15:15:00.123Z");
  }

  @Provide
  Arbitrary<TimeOrderedKey> keys() {
    Arbitrary<Instant> times =
        Arbitraries.oneOf(
            Arbitraries.longs().map(Instant::ofEpochMilli),
            Arbitraries.longs().between(-2, 2).map(Instant::ofEpochMilli));
    // ids mix one-, two-, three- and four-byte UTF-8: byte order is code point order, which
    // String.compareTo (UTF-16) is not for characters above U+FFFF
    Arbitrary<String> ids =
        Arbitraries.of("a", "b", "/", "-", "\u00e9", "\uffee", "\ud83d\udcda")
            .list()
            .ofMaxSize(4)
            .map(parts -> String.join("", parts));
    return Combinators.combine(times, ids).as(TimeOrderedKey::new);
  }
}
