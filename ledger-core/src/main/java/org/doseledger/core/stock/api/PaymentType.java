package org.doseledger.core.stock.api;

/** How a take-home prescription was paid for, as the state PDMP file reports it (ASAP 4.2 DSP16). */
public enum PaymentType {
    MEDICAID,
    MEDICARE,
    COMMERCIAL_INSURANCE,
    PRIVATE_PAY,
    MILITARY_OR_VA,
    WORKERS_COMPENSATION,
    INDIAN_NATIONS,
    OTHER
}
