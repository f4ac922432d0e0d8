package org.librarycampaign.platform.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 only instantiates classes it trusts. The generated event classes (package {@code
 * library.campaign.events}) are ours, so they are added to whatever trust is already configured;
 * nothing else is.
 */
public final class EventClasses {

  public static final String PACKAGE = "library.campaign.events";

  static {
    ClassSecurityValidator.ClassSecurityPredicate before = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(before, type -> PACKAGE.equals(type.getPackageName())));
  }

  private EventClasses() {}

  /** Makes sure the event classes are trusted before Avro instantiates any of them. */
  public static void trust() {
    // the static initializer above does the work; calling this runs it
  }

  /** The schema of a generated event class, with the event classes trusted. */
  public static Schema schemaOf(Class<? extends SpecificRecord> type) {
    return SpecificData.get().getSchema(type);
  }
}
