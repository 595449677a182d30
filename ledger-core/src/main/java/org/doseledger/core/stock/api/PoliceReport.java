package org.doseledger.core.stock.api;

/**
 * The police report filed for a theft or loss: which agency, which report number, and the agency's phone
 * (ten digits) that DEA Form 106 asks for; {@code phone} is null when not given, and in events recorded
 * before it existed.
 */
public record PoliceReport(String agency, String reportNumber, String phone) {

    /** A report without the agency's phone. */
    public PoliceReport(String agency, String reportNumber) {
        this(agency, reportNumber, null);
    }
}
