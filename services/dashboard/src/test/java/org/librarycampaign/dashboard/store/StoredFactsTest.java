package org.librarycampaign.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.platform.state.StateCodec;

/** Every fact a dashboard store holds reads back as written; an older shape still reads. */
class StoredFactsTest {

  @Property(tries = 300)
  void everyStoredFactReadsBackEqual(@ForAll("facts") Object fact) {
    assertThat(roundTrip(fact)).isEqualTo(fact);
  }

  @Example
  void aPostStoredBeforeWithdrawalsAndLinksReadsWithNone() {
    byte[] older =
        StateCodec.fromJson(
            "{\"postId\":\"p1\",\"revision\":1,\"branchId\":\"westside\","
                + "\"platform\":\"FACEBOOK\",\"category\":\"CONTENT\",\"text\":\"Story time\","
                + "\"hashtags\":[\"#read\"],\"mediaCount\":1,\"scheduledAt\":1796137200000,"
                + "\"author\":\"jlee\",\"draftedAt\":1796133600000}");

    assertThat(StateCodec.of(PostFact.class).decode(older))
        .isEqualTo(
            new PostFact(
                "p1",
                1,
                "westside",
                "FACEBOOK",
                "CONTENT",
                null,
                "Story time",
                List.of("#read"),
                List.of(),
                List.of(),
                1,
                Instant.parse("2026-12-01T15:00:00Z"),
                "jlee",
                Instant.parse("2026-12-01T14:00:00Z"),
                false,
                null,
                null));
  }

  @Provide
  Arbitrary<Object> facts() {
    return Arbitraries.oneOf(
        FactStore.all().stream().map(store -> recordsOf(store.factType())).toList());
  }

  @SuppressWarnings("unchecked")
  private static <T> Object roundTrip(T fact) {
    StateCodec<T> codec = StateCodec.of((Class<T>) fact.getClass());
    return codec.decode(codec.encode(fact));
  }

  /**
   * Values of a record built through its canonical constructor from generated components; those its
   * constructor refuses are left out.
   */
  private static Arbitrary<Object> recordsOf(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    List<Arbitrary<Object>> parts =
        Arrays.stream(components).map(c -> valuesOf(c.getGenericType())).toList();
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    return Combinators.combine(parts)
        .as(
            values -> {
              try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(values.toArray());
              } catch (ReflectiveOperationException e) {
                return null;
              }
            })
        .filter(Objects::nonNull)
        .map(value -> (Object) value);
  }

  private static Arbitrary<Object> valuesOf(Type type) {
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      return valuesOf(list.getActualTypeArguments()[0]).list().ofMaxSize(3).map(l -> l);
    }
    if (type instanceof ParameterizedType map
        && java.util.Map.class.isAssignableFrom((Class<?>) map.getRawType())) {
      return Arbitraries.maps(
              Arbitraries.strings().ofMaxLength(10), Arbitraries.strings().ofMaxLength(10))
          .ofMaxSize(3)
          .map(m -> new java.util.TreeMap<>(m));
    }
    Class<?> raw = (Class<?>) type;
    if (raw == String.class) {
      return Arbitraries.strings().ofMaxLength(10).injectNull(0.2).map(s -> s);
    }
    if (raw == int.class) {
      return Arbitraries.integers().map(i -> i);
    }
    if (raw == Integer.class) {
      return Arbitraries.integers().injectNull(0.3).map(i -> i);
    }
    if (raw == long.class) {
      return Arbitraries.longs().map(l -> l);
    }
    if (raw == boolean.class) {
      return Arbitraries.of(true, false);
    }
    if (raw == Boolean.class) {
      return Arbitraries.of(true, false).injectNull(0.3).map(b -> b);
    }
    if (raw == Instant.class) {
      return Arbitraries.longs()
          .between(0, 4_102_444_800_000L)
          .map(Instant::ofEpochMilli)
          .injectNull(0.2)
          .map(i -> i);
    }
    if (raw.isRecord()) {
      return recordsOf(raw).injectNull(0.2);
    }
    throw new IllegalArgumentException("no values for " + type + " yet: add them here");
  }
}
