package org.doseledger.core.session.api;

/** Severity of an adverse event. */
public enum Severity {
    MILD,
    MODERATE,
    SEVERE
}
