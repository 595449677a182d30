package org.doseledger.core.client.api;

/** Psychotherapy around dosing: preparation before, integration after. */
public enum TherapySessionKind {
    PREPARATION,
    INTEGRATION
}
