package org.librarycampaign.bench;

/**
 * One measured run of one topology: input records per second from the moment it was RUNNING to the
 * moment its reader had seen the target output; the rate and the registry calls between a tenth of
 * the output and the end (the steady state: start-up over, caches filled).
 */
record Measured(
    String name,
    long inputRecords,
    double seconds,
    double recordsPerSecond,
    double steadyRecordsPerSecond,
    long steadyRegistryCalls,
    long steadyRecords) {}
