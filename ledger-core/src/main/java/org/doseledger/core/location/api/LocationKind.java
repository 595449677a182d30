package org.doseledger.core.location.api;

/** Securely locked storage as 21 CFR 1301.75(b) requires. */
public enum LocationKind {
    SAFE,
    LOCKED_CABINET
}
