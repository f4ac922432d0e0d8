package org.librarycampaign.platform.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The calls of the Confluent Schema Registry REST API this project uses. Implemented over HTTP for
 * any registry that speaks the API, and in memory for broker-less runs ({@code campaign plan},
 * TopologyTestDriver tests).
 */
public interface SchemaRegistry {

  /** Registers the schema under the subject (a no-op when it is there already); its global id. */
  int register(String subject, Schema schema);

  /** The id of a schema already registered under the subject; fails when it is not. */
  int idOf(String subject, Schema schema);

  Schema schemaById(int id);

  RegisteredSchema latest(String subject);

  /** Whether the schema could be registered as the subject's next version. */
  boolean isCompatible(String subject, Schema schema);

  /** The subject's compatibility level (BACKWARD, FULL, NONE, ...). */
  String compatibility(String subject);

  void setCompatibility(String subject, String level);

  List<String> subjects();

  record RegisteredSchema(String subject, int id, int version, Schema schema) {}
}
