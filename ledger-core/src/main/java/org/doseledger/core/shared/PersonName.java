package org.doseledger.core.shared;

/** A person's legal name, split as PDMP files need it. */
public record PersonName(String given, String middle, String family) {}
