package org.librarycampaign.platform.state;

/**
 * A type's own binary layout: format 3 of {@link StateCodec}, for the few values a service reads
 * and writes on every record, where reading fields by name costs too much (see the package
 * documentation). The codec writes the format byte, then {@link #version()}, then what {@link
 * #write} writes; it reads the other formats it knows (2, CBOR by name) as before.
 *
 * <p>The layout is positional: a reader must read exactly what the writer wrote, in that order. A
 * change of the fields takes a new {@link #version()}, and {@link #read} keeps reading every older
 * one. Each type with a layout has a property test (encode then decode gives the value back), so a
 * component added to the record without a change here fails that test.
 *
 * @param <T> the type the service works with
 */
public interface StateLayout<T> {

  /** The version written with each value: 1 to 255, raised whenever the layout changes. */
  int version();

  /** Writes the value's fields, in the layout's order. */
  void write(StateWriter out, T value);

  /**
   * Reads a value written with {@code version}, at most {@link #version()}.
   *
   * @throws IllegalArgumentException when the bytes are not such a value (the codec reports it as a
   *     serialization error)
   */
  T read(StateReader in, int version);
}
