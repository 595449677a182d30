package org.doseledger.core.stock.api;

/** Type of theft or loss, as DEA Form 106 asks it. */
public enum LossType {
    BREAK_IN,
    ROBBERY,
    EMPLOYEE_PILFERAGE,
    CUSTOMER_THEFT,
    LOST_IN_TRANSIT,
    OTHER
}
