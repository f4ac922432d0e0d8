package org.librarycampaign.ingest.write;

/** Where the broker put one record. */
public record WrittenEvent(String topic, String key, int partition, long offset) {}
