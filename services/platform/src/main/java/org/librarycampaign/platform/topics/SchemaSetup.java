package org.librarycampaign.platform.topics;

import java.util.ArrayList;
import java.util.List;
import org.librarycampaign.platform.registry.SchemaRegistry;
import org.librarycampaign.platform.serde.AvroSerializer;
import org.librarycampaign.platform.serde.EventClasses;

/**
 * Registers the value schema of every topic and sets its subject to BACKWARD, so that a later
 * incompatible schema is refused by the registry as well as by the build.
 */
public final class SchemaSetup {

  public static final String COMPATIBILITY = "BACKWARD";

  private SchemaSetup() {}

  /** One line per subject: {@code campaign.posts-value id 3}. */
  public static List<String> registerAll(TopicCatalogue catalogue) {
    SchemaRegistry registry = catalogue.registry();
    List<String> registered = new ArrayList<>();
    for (CampaignTopic id : CampaignTopic.values()) {
      String subject = AvroSerializer.subject(catalogue.name(id), false);
      int schemaId = registry.register(subject, EventClasses.schemaOf(id.valueClass()));
      if (!COMPATIBILITY.equals(registry.compatibility(subject))) {
        registry.setCompatibility(subject, COMPATIBILITY);
      }
      registered.add(subject + " id " + schemaId);
    }
    return registered;
  }
}
