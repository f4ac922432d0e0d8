/**
 * How a service stores its own state: one way for values, one for time-ordered keys.
 *
 * <h2>Values: {@link org.librarycampaign.platform.state.StateCodec}</h2>
 *
 * <p>A store value, its changelog and an internal topic hold a Java record (or a domain class
 * mapped onto one with {@link org.librarycampaign.platform.state.StateCodec#as}) as one format
 * byte, then the record's components as CBOR by name. The rules, which every stored type keeps:
 *
 * <ul>
 *   <li>Instants are epoch milliseconds, the precision of every event time in the schemas; a finer
 *       instant is cut to the millisecond. Dates are {@code [year, month, day]}, durations
 *       milliseconds, enums their names. Nulls are left out.
 *   <li>Only record components are stored, never derived getters.
 *   <li>Adding a field is compatible: an older value reads with the field's default (null, 0,
 *       false, an empty collection), and an older reader skips a field it does not know. A record's
 *       constructor can give a better default for a missing value.
 *   <li>Renaming or retyping a field is not: it takes a new format byte, and the codec keeps
 *       reading the previous one. Format 1 was the services' earlier hand-written forms.
 *   <li>Every stored type has a property test (encode then decode gives the value back) and a test
 *       that a literal of its previous shape ({@link
 *       org.librarycampaign.platform.state.StateCodec#fromJson}) still reads.
 * </ul>
 *
 * <p>Why CBOR by name rather than a hand-written binary layout or JSON: it keeps JSON's evolution
 * (fields by name, unknown ones skipped) and needs no code per type, at a fifth less than the same
 * JSON (a governance post record: 232 bytes, JSON 303; an escalated incident: 1,158, the earlier
 * JSON 1,508). A hand-written layout is about half the size (105 bytes for that post record) and
 * several times faster, but every type needs its own reader and writer, kept in step by hand. A
 * value that cannot be decoded is a {@link org.apache.kafka.common.errors.SerializationException},
 * so a store that must survive one wraps the deserializer in {@link
 * org.librarycampaign.platform.serde.AbsentWhenUnreadable}.
 *
 * <h3>Hot values: a binary layout</h3>
 *
 * <p>A value read and written on every record can have its own layout ({@link
 * org.librarycampaign.platform.state.StateCodec#withLayout}, a {@link
 * org.librarycampaign.platform.state.StateLayout}): format byte 3, a layout version, then the
 * fields in order (variable-length numbers, UTF-8 strings, enums by name). Such a codec writes
 * format 3 and still reads format 2, so values stored before read on. The layout is positional: a
 * change of its fields takes a new layout version, and its reader keeps reading the older ones; its
 * property test (encode then decode) fails when the record gains a component the layout does not
 * write. Governance keeps its post records, ledgers and hashtag uses this way: reading a busy
 * week's ledger by name took ten times as long or more (docs/PERFORMANCE.md#profiling). {@link
 * org.librarycampaign.platform.state.StateCodec#toJson} reads format 2 only.
 *
 * <h2>Keys: {@link org.librarycampaign.platform.state.TimeOrderedKey} and {@link
 * org.librarycampaign.platform.state.KeyBytes}</h2>
 *
 * <p>A store scanned in time order (deadlines, retries, a schedule) is keyed by a {@code
 * TimeOrderedKey}: 8 bytes of big-endian epoch milliseconds with the sign bit flipped, then the
 * id's UTF-8, so that RocksDB's byte order is (time, id) order. Other composite keys (an index by
 * branch, then time, then id) are built from the same {@code KeyBytes} parts.
 *
 * <h2>Not here</h2>
 *
 * <p>Contract records (the Avro event types) stay Avro through the registry, also when a store
 * keeps them whole, as the dispatcher does.
 */
package org.librarycampaign.platform.state;
