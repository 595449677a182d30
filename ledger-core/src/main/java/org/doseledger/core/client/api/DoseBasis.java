package org.doseledger.core.client.api;

/** What a treatment plan's dose figures are: milligrams, or milligrams per kilogram of body weight. */
public enum DoseBasis {
    MG,
    /** Per kilogram of the client's latest weight on record when the dose is given. */
    MG_PER_KG
}
