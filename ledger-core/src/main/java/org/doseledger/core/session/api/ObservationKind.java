package org.doseledger.core.session.api;

/** A clinical note during the session, or an adverse event with its severity. */
public enum ObservationKind {
    OBSERVATION,
    ADVERSE_EVENT
}
