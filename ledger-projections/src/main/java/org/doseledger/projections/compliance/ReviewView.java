package org.doseledger.projections.compliance;

import java.time.Instant;

/** An officer's acknowledgement or resolution: who, when, and the note. */
public record ReviewView(String by, Instant at, String note) {}
