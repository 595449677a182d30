package org.doseledger.core.stock.api;

import java.time.LocalDate;

/**
 * The prescription a take-home dose is dispensed on, as the practice's prescription file holds it and
 * the state PDMP file reports it: its number (ASAP DSP02, at most {@value #MAX_NUMBER_LENGTH}
 * characters), the day it was written (DSP03), the refills it authorizes (DSP04) and how it was paid
 * for (DSP16). Schedule III prescriptions may be filled for six months after they were written and
 * refilled at most five times (21 CFR 1306.22(a)).
 */
public record Prescription(String number, LocalDate writtenOn, int refillsAuthorized, PaymentType paymentType) {

    public static final int MAX_NUMBER_LENGTH = 25;
    public static final int MAX_REFILLS = 5;
    public static final int VALID_MONTHS = 6;
}
