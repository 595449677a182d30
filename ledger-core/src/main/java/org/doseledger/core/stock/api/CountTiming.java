package org.doseledger.core.stock.api;

/** An inventory states whether it was taken at the opening or the close of business. */
public enum CountTiming {
    OPENING_OF_BUSINESS,
    CLOSE_OF_BUSINESS
}
