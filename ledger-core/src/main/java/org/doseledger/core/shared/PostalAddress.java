package org.doseledger.core.shared;

/** A US postal address, as dispensing records and PDMP files need it. */
public record PostalAddress(String line1, String line2, String city, String state, String postalCode) {}
