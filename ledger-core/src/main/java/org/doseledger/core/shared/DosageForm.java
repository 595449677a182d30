package org.doseledger.core.shared;

/** The finished form of a product, as receipt and dispensing records name it. */
public enum DosageForm {
    INJECTABLE_SOLUTION,
    TROCHE,
    NASAL_SPRAY
}
