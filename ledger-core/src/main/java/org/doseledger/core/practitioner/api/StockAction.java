package org.doseledger.core.practitioner.api;

/** What a practitioner does to controlled-substance stock; each needs its own authority. */
public enum StockAction {
    RECEIVE,
    DRAW,
    ADMINISTER,
    WASTE,
    DISPENSE,
    TRANSFER,
    RETURN,
    DESTROY,
    REPORT_LOSS,
    COUNT,
    CORRECT,
    /** Prescribe a take-home dose: a prescriber with a DEA registration. */
    PRESCRIBE,
    /** Approve a discrepancy resolution or a correction on behalf of the registrant. */
    APPROVE,
    WITNESS,
    COSIGN
}
