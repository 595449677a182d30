package org.doseledger.projections.export.pdmp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One dispensing record: a take-home dose (DoseDispensedEvent with {@code pdmpReportable}) as the DSP
 * segment reports it, with the PAT, PRE, CDI and AIR segments that travel with it.
 *
 * <p>A correction of the dispensing (EntryCorrectedEvent naming it) is reported as {@link #revised} when
 * it gives another quantity and {@link #voided} when it removes the entry (corrected quantity null): both
 * repeat the original's keys (DSP02, DSP05, DSP06, DSP08 and the PHA it was filed under), as ASAP asks.
 *
 * @param status DSP01
 * @param prescriptionNumber DSP02: the ledger's {@code dispensationId}, the key of every later revise or void
 * @param dateWritten DSP03: the day the prescriber ordered it; the ledger records no separate order date,
 *     so callers pass the day dispensed
 * @param refillsAuthorized DSP04: 0, a take-home dose is never refilled
 * @param dateFilled DSP05: the day dispensed, in the practice's time zone
 * @param refillNumber DSP06: 0, the first and only fill
 * @param ndc DSP08 (DSP07 = 01, NDC), with its hyphens; written as the 11-digit code. Null for a compound
 *     (DSP07 = 06), which then needs {@code compoundIngredients}
 * @param quantity DSP09 in {@code unit}
 * @param unit DSP11
 * @param daysSupply DSP10
 * @param rxOrigin DSP12
 * @param paymentType DSP16; null: the ledger does not record payment (a state profile may default it)
 * @param dispenserNpi DSP14, the NPI of who dispensed; null: the ledger records none
 * @param dispenserStateLicence DSP15, the state licence number of who dispensed; null when none
 * @param dateSold DSP17, the day the patient took it home; null when the same as DSP05
 * @param patient the PAT segment
 * @param prescriber the PRE segment
 * @param compoundIngredients the CDI segments, possibly empty
 * @param additionalInformation the AIR segment, or null for none
 */
public record AsapDispensation(
        AsapReportingStatus status,
        String prescriptionNumber,
        LocalDate dateWritten,
        int refillsAuthorized,
        LocalDate dateFilled,
        int refillNumber,
        String ndc,
        BigDecimal quantity,
        AsapDosageUnit unit,
        int daysSupply,
        AsapRxOrigin rxOrigin,
        AsapPaymentType paymentType,
        String dispenserNpi,
        String dispenserStateLicence,
        LocalDate dateSold,
        AsapPatient patient,
        AsapPrescriber prescriber,
        List<AsapCompoundIngredient> compoundIngredients,
        AsapAdditionalInformation additionalInformation) {

    public AsapDispensation {
        Objects.requireNonNull(status, "reporting status");
        Objects.requireNonNull(prescriptionNumber, "prescription number");
        Objects.requireNonNull(dateWritten, "date written");
        Objects.requireNonNull(dateFilled, "date filled");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(rxOrigin, "origin of the prescription");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(prescriber, "prescriber");
        compoundIngredients = compoundIngredients == null ? List.of() : List.copyOf(compoundIngredients);
        if (ndc == null && compoundIngredients.isEmpty()) {
            throw new IllegalArgumentException(
                    "dispensation " + prescriptionNumber + " needs an NDC or, for a compound, its ingredients");
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException(
                    "dispensation " + prescriptionNumber + " quantity must be positive: " + quantity.toPlainString());
        }
        if (daysSupply < 1 || refillsAuthorized < 0 || refillNumber < 0) {
            throw new IllegalArgumentException(
                    "dispensation " + prescriptionNumber + " needs days supply >= 1 and refill counts >= 0");
        }
    }

    /** The record a correction to another quantity produces: REVISE, the original's keys, the new quantity. */
    public AsapDispensation revised(BigDecimal correctedQuantity) {
        return withStatusAndQuantity(AsapReportingStatus.REVISE, correctedQuantity);
    }

    /** The record a correction removing the dispensing produces: VOID, every element as originally reported. */
    public AsapDispensation voided() {
        return withStatusAndQuantity(AsapReportingStatus.VOID, quantity);
    }

    private AsapDispensation withStatusAndQuantity(AsapReportingStatus newStatus, BigDecimal newQuantity) {
        return new AsapDispensation(
                newStatus,
                prescriptionNumber,
                dateWritten,
                refillsAuthorized,
                dateFilled,
                refillNumber,
                ndc,
                newQuantity,
                unit,
                daysSupply,
                rxOrigin,
                paymentType,
                dispenserNpi,
                dispenserStateLicence,
                dateSold,
                patient,
                prescriber,
                compoundIngredients,
                additionalInformation);
    }
}
