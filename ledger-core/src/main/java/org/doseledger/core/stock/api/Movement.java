package org.doseledger.core.stock.api;

/** The kinds of entry on a lot that a correction can name. */
public enum Movement {
    RECEIVED,
    TRANSFERRED_IN,
    DRAWN,
    ADMINISTERED,
    WASTED,
    DISPENSED,
    TRANSFERRED_OUT,
    RETURNED,
    DESTROYED,
    LOST,
    ADJUSTED
}
