package org.librarycampaign.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.librarycampaign.testsupport.SharedStack;

/** The registry client against the real registry (Apicurio's Confluent API). */
class HttpSchemaRegistryClientIT {

  private final SharedStack stack = SharedStack.get();

  private static Schema policyV1() {
    return SchemaBuilder.record("Policy")
        .namespace("it.registry")
        .fields()
        .requiredString("branchId")
        .endRecord();
  }

  @Test
  void theSameSchemaTwiceGetsTheSameIdAndCanBeReadBack() {
    String subject = SharedStack.uniqueName("it-same") + "-value";
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(stack.registryUrl());
    HttpSchemaRegistryClient another = new HttpSchemaRegistryClient(stack.registryUrl());

    int first = client.register(subject, policyV1());
    int second = another.register(subject, policyV1());

    assertThat(second).isEqualTo(first);
    assertThat(another.idOf(subject, policyV1())).isEqualTo(first);
    assertThat(new HttpSchemaRegistryClient(stack.registryUrl()).schemaById(first))
        .isEqualTo(policyV1());
    SchemaRegistry.RegisteredSchema latest = another.latest(subject);
    assertThat(latest.id()).isEqualTo(first);
    assertThat(latest.version()).isEqualTo(1);
    assertThat(another.subjects()).contains(subject);
  }

  @Test
  void anIncompatibleChangeIsRefusedWithTheSubjectAndReasonNamed() {
    String subject = SharedStack.uniqueName("it-incompatible") + "-value";
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(stack.registryUrl());
    client.register(subject, policyV1());
    client.setCompatibility(subject, "BACKWARD");
    Schema addsRequiredField =
        SchemaBuilder.record("Policy")
            .namespace("it.registry")
            .fields()
            .requiredString("branchId")
            .requiredInt("maxPostsPerDay")
            .endRecord();
    Schema addsOptionalField =
        SchemaBuilder.record("Policy")
            .namespace("it.registry")
            .fields()
            .requiredString("branchId")
            .optionalInt("maxPostsPerDay")
            .endRecord();

    assertThat(client.compatibility(subject)).isEqualTo("BACKWARD");
    assertThat(client.isCompatible(subject, addsRequiredField)).isFalse();
    assertThat(client.isCompatible(subject, addsOptionalField)).isTrue();
    assertThatThrownBy(() -> client.register(subject, addsRequiredField))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue())
        .hasMessageContaining(subject)
        .hasMessageContaining("HTTP 409");
    assertThat(client.register(subject, addsOptionalField)).isPositive();
    assertThat(client.latest(subject).version()).isEqualTo(2);
  }

  @Test
  void lookingUpAnUnregisteredSchemaSaysNotFound() {
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(stack.registryUrl());
    String subject = SharedStack.uniqueName("it-missing") + "-value";

    assertThatThrownBy(() -> client.idOf(subject, policyV1()))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue())
        .hasMessageContaining(subject);
  }
}
