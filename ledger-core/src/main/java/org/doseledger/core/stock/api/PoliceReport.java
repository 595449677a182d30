package org.doseledger.core.stock.api;

/** The police report filed for a theft or loss: which agency, which report number. */
public record PoliceReport(String agency, String reportNumber) {}
