package org.librarycampaign.platform.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns a plain Avro value (GenericData records, enum symbols, raw longs for timestamps) into the
 * generated classes, with the logical-type conversions each generated class declares (e.g.
 * timestamp-millis as {@link java.time.Instant}).
 *
 * <p>The classes are looked up once, by name, for the named types reachable from the topic
 * catalogue's value classes, and must be generated Avro types. This is done here rather than
 * through {@link SpecificData#getClass(Schema)} because Avro 1.12 refuses to load classes by name
 * outside packages listed in the {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property; the
 * JSON form must not depend on process-wide settings.
 */
final class SpecificRecords {

  private final Map<String, Class<?>> classes = new HashMap<>();

  SpecificRecords(Collection<Schema> roots, ClassLoader loader) {
    for (Schema root : roots) {
      collect(root, loader);
    }
  }

  private void collect(Schema schema, ClassLoader loader) {
    switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> {
        if (classes.containsKey(schema.getFullName())) {
          return;
        }
        classes.put(schema.getFullName(), load(schema, loader));
        if (schema.getType() == Schema.Type.RECORD) {
          for (Schema.Field field : schema.getFields()) {
            collect(field.schema(), loader);
          }
        }
      }
      case ARRAY -> collect(schema.getElementType(), loader);
      case MAP -> collect(schema.getValueType(), loader);
      case UNION -> schema.getTypes().forEach(branch -> collect(branch, loader));
      default -> {}
    }
  }

  private static Class<?> load(Schema schema, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(schema.getFullName(), false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null; // stays generic
    }
    boolean generated =
        switch (schema.getType()) {
          case RECORD -> SpecificRecord.class.isAssignableFrom(type);
          case ENUM -> type.isEnum();
          case FIXED -> SpecificFixed.class.isAssignableFrom(type);
          default -> false;
        };
    return generated ? type : null;
  }

  /** The generated form of {@code raw}, a value of {@code schema} built with GenericData. */
  Object toSpecific(Schema schema, Object raw) {
    return convert(schema, raw, SpecificData.get());
  }

  /** A fresh, empty instance of the generated class of a record schema, or null. */
  IndexedRecord newRecord(Schema schema) {
    Class<?> type = classes.get(schema.getFullName());
    return type == null ? null : (IndexedRecord) SpecificData.newInstance(type, schema);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object convert(Schema schema, Object raw, SpecificData model) {
    if (raw == null) {
      return null;
    }
    switch (schema.getType()) {
      case RECORD -> {
        Class<?> type = classes.get(schema.getFullName());
        IndexedRecord source = (IndexedRecord) raw;
        if (type == null) {
          return raw;
        }
        IndexedRecord target = (IndexedRecord) SpecificData.newInstance(type, schema);
        SpecificData own = SpecificData.getForClass(type);
        for (Schema.Field field : schema.getFields()) {
          target.put(field.pos(), convert(field.schema(), source.get(field.pos()), own));
        }
        return target;
      }
      case ENUM -> {
        Class<?> type = classes.get(schema.getFullName());
        return type == null ? raw : Enum.valueOf((Class) type, raw.toString());
      }
      case FIXED -> {
        Class<?> type = classes.get(schema.getFullName());
        if (type == null) {
          return raw;
        }
        SpecificFixed fixed = (SpecificFixed) SpecificData.newInstance(type, schema);
        fixed.bytes(((GenericFixed) raw).bytes().clone());
        return fixed;
      }
      case ARRAY -> {
        Collection<?> items = (Collection<?>) raw;
        List<Object> list = new ArrayList<>(items.size());
        for (Object item : items) {
          list.add(convert(schema.getElementType(), item, model));
        }
        return list;
      }
      case MAP -> {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) raw).entrySet()) {
          map.put(
              entry.getKey().toString(), convert(schema.getValueType(), entry.getValue(), model));
        }
        return map;
      }
      case UNION -> {
        int branch = GenericData.get().resolveUnion(schema, raw);
        return convert(schema.getTypes().get(branch), raw, model);
      }
      default -> {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType != null) {
          Conversion<?> conversion = model.getConversionFor(logicalType);
          if (conversion != null) {
            return Conversions.convertToLogicalType(raw, schema, logicalType, conversion);
          }
        }
        return raw;
      }
    }
  }
}
