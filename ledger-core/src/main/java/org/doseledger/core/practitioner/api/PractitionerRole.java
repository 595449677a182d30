package org.doseledger.core.practitioner.api;

/** What a practitioner does in the practice. Therapists may not order or possess ketamine. */
public enum PractitionerRole {
    PRESCRIBER,
    NURSE,
    THERAPIST,
    MONITOR
}
