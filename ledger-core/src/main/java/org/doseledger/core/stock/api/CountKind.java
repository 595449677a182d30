package org.doseledger.core.stock.api;

/** Why a physical count was taken (21 CFR 1304.11: initial and biennial inventories). */
public enum CountKind {
    INITIAL,
    BIENNIAL,
    ROUTINE,
    SHIFT_CHANGE
}
