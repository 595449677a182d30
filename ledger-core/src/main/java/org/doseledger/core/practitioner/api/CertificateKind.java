package org.doseledger.core.practitioner.api;

/** Certificates a practice tracks for its practitioners. */
public enum CertificateKind {
    /** Training in ketamine-assisted psychotherapy. */
    KAP_TRAINING,
    /** Advanced cardiovascular life support, for intravenous dosing. */
    ACLS
}
