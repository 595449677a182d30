package org.doseledger.projections.consistency;

/** One practitioner's administered doses of a route, and how many of them are outliers. */
public record PractitionerDosesView(String practitionerId, DoseStatsView doses, int outliers) {}
