package org.librarycampaign.platform.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MutableConfigOverride;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one way a service stores a value of its own in a state store or an internal topic: a format
 * byte, then the value's record components as CBOR (binary JSON) by name. See the package
 * documentation for the rules a stored type follows.
 *
 * <p>Decoding failures are {@link SerializationException}s, so that {@link
 * org.librarycampaign.platform.serde.AbsentWhenUnreadable} can wrap a codec where a store reads an
 * unreadable value as absent.
 *
 * @param <T> the type the service works with; {@link #as} maps it onto a stored record
 */
public final class StateCodec<T> implements Serde<T> {

  /**
   * The first byte of every value written by name. 1 was the services' earlier hand-written binary
   * forms, which this format does not read; a later incompatible layout takes 4 and keeps reading 2
   * and 3.
   */
  static final byte FORMAT = 2;

  /**
   * The first byte of a value written in its type's own {@link StateLayout}, then the layout's
   * version. A codec {@link #withLayout with a layout} writes this and still reads {@link #FORMAT}.
   */
  static final byte LAYOUT_FORMAT = 3;

  private static final ObjectMapper MAPPER =
      CBORMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          // only the components: a record's derived getters (isLive(), channelId()) are not state
          .visibility(PropertyAccessor.ALL, Visibility.NONE)
          .visibility(PropertyAccessor.FIELD, Visibility.ANY)
          .visibility(PropertyAccessor.CREATOR, Visibility.ANY)
          // a collection an older value did not have reads as empty, not null (an override
          // applies to the declared type itself, so each collection type a record declares)
          .withConfigOverride(List.class, StateCodec::absentAsEmpty)
          .withConfigOverride(Set.class, StateCodec::absentAsEmpty)
          .withConfigOverride(Collection.class, StateCodec::absentAsEmpty)
          .withConfigOverride(Map.class, StateCodec::absentAsEmpty)
          .withConfigOverride(SortedMap.class, StateCodec::absentAsEmpty)
          .withConfigOverride(NavigableMap.class, StateCodec::absentAsEmpty)
          .build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String typeName;

  private static void absentAsEmpty(MutableConfigOverride override) {
    override.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
  }

  private final Function<T, byte[]> encoder;
  private final Function<byte[], T> decoder;
  private final StateLayout<T> layout;

  private StateCodec(String typeName, Function<T, byte[]> encoder, Function<byte[], T> decoder) {
    this(typeName, encoder, decoder, null);
  }

  private StateCodec(
      String typeName,
      Function<T, byte[]> encoder,
      Function<byte[], T> decoder,
      StateLayout<T> layout) {
    this.typeName = typeName;
    this.encoder = encoder;
    this.decoder = decoder;
    this.layout = layout;
  }

  /** Stores values of a record (or enum, String, collection) type as they are. */
  public static <T> StateCodec<T> of(Class<T> type) {
    return of(MAPPER.constructType(type), type.getSimpleName());
  }

  private static <T> StateCodec<T> of(JavaType type, String typeName) {
    ObjectWriter writer = MAPPER.writerFor(type);
    ObjectReader reader = MAPPER.readerFor(type);
    return new StateCodec<>(
        typeName,
        value -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream(128);
          out.write(FORMAT);
          try {
            writer.writeValue(out, value);
          } catch (IOException e) {
            throw new SerializationException("cannot store a " + typeName, e);
          }
          return out.toByteArray();
        },
        bytes -> {
          try {
            return reader.readValue(bytes, 1, bytes.length - 1);
          } catch (IOException e) {
            throw new SerializationException("cannot read a stored " + typeName, e);
          }
        });
  }

  /**
   * The codec of a type the service works with (a mutable ledger, a class with invariants) through
   * this stored record: the stored form can then change apart from the domain class.
   */
  public <D> StateCodec<D> as(Function<D, T> toStored, Function<T, D> fromStored) {
    if (layout != null) {
      throw new IllegalStateException("map the type first, then give it a layout");
    }
    return new StateCodec<>(
        typeName,
        value -> encoder.apply(toStored.apply(value)),
        bytes -> {
          T stored = decoder.apply(bytes);
          try {
            return fromStored.apply(stored);
          } catch (RuntimeException e) {
            throw new SerializationException("cannot rebuild a stored " + typeName, e);
          }
        });
  }

  /**
   * This codec writing values in the type's own binary layout (format 3) and still reading the
   * values it wrote by name (format 2): for the values a service reads and writes on every record.
   * The layout is written by hand, so it is kept for the hot few types; see the package
   * documentation.
   */
  public StateCodec<T> withLayout(StateLayout<T> binary) {
    int version = binary.version();
    if (version < 1 || version > 255) {
      throw new IllegalArgumentException("a layout version is 1 to 255, not " + version);
    }
    return new StateCodec<>(typeName, encoder, decoder, binary);
  }

  /** The stored bytes of a value; null stays null (a tombstone). */
  public byte[] encode(T value) {
    if (value == null) {
      return null;
    }
    if (layout == null) {
      return encoder.apply(value);
    }
    StateWriter out = new StateWriter(96);
    out.writeByte(LAYOUT_FORMAT);
    out.writeByte(layout.version());
    try {
      layout.write(out, value);
    } catch (RuntimeException e) {
      throw new SerializationException("cannot store a " + typeName, e);
    }
    return out.toByteArray();
  }

  /**
   * The value of stored bytes; null stays null. A codec with a {@link #withLayout layout} reads
   * both formats.
   *
   * @throws SerializationException when the bytes are not a value of this type in this format
   */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length > 0 && bytes[0] == LAYOUT_FORMAT && layout != null) {
      return readLayout(bytes);
    }
    if (bytes.length == 0 || bytes[0] != FORMAT) {
      throw new SerializationException(
          "a stored "
              + typeName
              + " has format "
              + (bytes.length == 0 ? "(empty)" : Byte.toString(bytes[0]))
              + ", this version reads "
              + (layout == null ? FORMAT : FORMAT + " and " + LAYOUT_FORMAT));
    }
    return decoder.apply(bytes);
  }

  private T readLayout(byte[] bytes) {
    StateReader in = new StateReader(bytes, 1);
    try {
      int version = in.readByte();
      if (version < 1 || version > layout.version()) {
        throw new SerializationException(
            "a stored "
                + typeName
                + " has layout version "
                + version
                + ", this version reads 1 to "
                + layout.version());
      }
      T value = layout.read(in, version);
      if (!in.atEnd()) {
        throw new IllegalArgumentException("bytes left after the value");
      }
      return value;
    } catch (SerializationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SerializationException("cannot read a stored " + typeName, e);
    }
  }

  /**
   * Stored bytes with the content of a JSON text: how a test writes down a value of an older shape
   * (a literal), and how someone reads a stored value ({@link #toJson}). Instants are epoch millis,
   * dates {@code [year, month, day]}, durations millis, as the codec writes them.
   */
  public static byte[] fromJson(String json) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length());
      out.write(FORMAT);
      MAPPER.writeValue(out, JSON.readTree(json));
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  /** The JSON text of stored bytes, for reading them; see {@link #fromJson}. */
  public static String toJson(byte[] stored) {
    if (stored.length == 0 || stored[0] != FORMAT) {
      throw new SerializationException("not a stored value of format " + FORMAT);
    }
    try {
      return JSON.writeValueAsString(MAPPER.readTree(stored, 1, stored.length - 1));
    } catch (IOException e) {
      throw new SerializationException("cannot read stored bytes", e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }
}
