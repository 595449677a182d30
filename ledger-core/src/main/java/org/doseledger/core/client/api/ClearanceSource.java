package org.doseledger.core.client.api;

/** Who cleared the client: a prescriber of the practice or a clinician of the client's medical team. */
public enum ClearanceSource {
    IN_HOUSE_PRESCRIBER,
    OUTSIDE_CLINICIAN
}
