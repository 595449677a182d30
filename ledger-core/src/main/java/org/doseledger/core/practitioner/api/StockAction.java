package org.doseledger.core.practitioner.api;

/** What a practitioner does to controlled-substance stock; each needs its own authority. */
public enum StockAction {
    RECEIVE,
    DRAW,
    ADMINISTER,
    WASTE,
    WITNESS,
    COSIGN
}
