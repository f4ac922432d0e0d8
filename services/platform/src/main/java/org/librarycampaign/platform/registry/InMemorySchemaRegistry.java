package org.librarycampaign.platform.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, with the same answers as a real one for the calls we make: for runs
 * without a broker ({@code campaign plan}) and TopologyTestDriver tests. Checks BACKWARD
 * compatibility against the latest version unless the subject is set to NONE.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final List<Schema> schemasById = new ArrayList<>();
  private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
  private final Map<String, String> compatibilityBySubject = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    Integer existing = idsBySchema.get(schema);
    if (existing != null && versions.contains(existing)) {
      return existing;
    }
    if (!isCompatible(subject, schema)) {
      throw new SchemaRegistryException(
          "Schema being registered is incompatible with the latest schema of subject " + subject,
          409);
    }
    int id =
        idsBySchema.computeIfAbsent(
            schema,
            s -> {
              schemasById.add(s);
              return schemasById.size();
            });
    versions.add(id);
    return id;
  }

  @Override
  public synchronized int idOf(String subject, Schema schema) {
    Integer id = idsBySchema.get(schema);
    if (id == null || !versionsBySubject.getOrDefault(subject, List.of()).contains(id)) {
      throw new SchemaRegistryException("Schema not found under subject " + subject, 404);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    if (id < 1 || id > schemasById.size()) {
      throw new SchemaRegistryException("Schema id " + id + " not found", 404);
    }
    return schemasById.get(id - 1);
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SchemaRegistryException("Subject " + subject + " not found", 404);
    }
    int id = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, id, versions.size(), schemaById(id));
  }

  @Override
  public synchronized boolean isCompatible(String subject, Schema schema) {
    List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
    if (versions.isEmpty() || "NONE".equals(compatibility(subject))) {
      return true;
    }
    Schema latest = schemaById(versions.get(versions.size() - 1));
    return SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }

  @Override
  public synchronized String compatibility(String subject) {
    return compatibilityBySubject.getOrDefault(subject, "BACKWARD");
  }

  @Override
  public synchronized void setCompatibility(String subject, String level) {
    compatibilityBySubject.put(subject, level);
  }

  @Override
  public synchronized List<String> subjects() {
    return List.copyOf(versionsBySubject.keySet());
  }
}
