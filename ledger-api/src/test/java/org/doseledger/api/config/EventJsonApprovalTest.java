package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.doseledger.core.access.api.AccessKind;
import org.doseledger.core.access.api.AccessLogReviewedEvent;
import org.doseledger.core.access.api.ClientDataAccessedEvent;
import org.doseledger.core.access.api.PurposeOfUse;
import org.doseledger.core.apikey.api.ApiKeyIssuedEvent;
import org.doseledger.core.apikey.api.ApiKeyRevokedEvent;
import org.doseledger.core.apikey.api.PracticeAccessGrantedEvent;
import org.doseledger.core.apikey.api.PracticeAccessWithdrawnEvent;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.client.api.ClearanceSource;
import org.doseledger.core.client.api.ClientAddressChangedEvent;
import org.doseledger.core.client.api.ClientContactUpdatedEvent;
import org.doseledger.core.client.api.ClientDataKeyShreddedEvent;
import org.doseledger.core.client.api.ClientEnrolledInRemsEvent;
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.client.api.ClientWeightRecordedEvent;
import org.doseledger.core.client.api.ConsentDocument;
import org.doseledger.core.client.api.ConsentRevokedEvent;
import org.doseledger.core.client.api.ConsentSignedEvent;
import org.doseledger.core.client.api.ConsentSupersededEvent;
import org.doseledger.core.client.api.MedicalClearanceRecordedEvent;
import org.doseledger.core.client.api.TherapySessionKind;
import org.doseledger.core.client.api.TherapySessionRecordedEvent;
import org.doseledger.core.client.api.TreatmentPlanAmendedEvent;
import org.doseledger.core.client.api.TreatmentPlanApprovedEvent;
import org.doseledger.core.client.api.TreatmentPlanTerms;
import org.doseledger.core.compliance.api.ExceptionAcknowledgedEvent;
import org.doseledger.core.compliance.api.ExceptionKind;
import org.doseledger.core.compliance.api.ExceptionResolvedEvent;
import org.doseledger.core.export.api.ExportGeneratedEvent;
import org.doseledger.core.export.api.PdmpSubmissionStatus;
import org.doseledger.core.export.api.PdmpSubmissionStatusChangedEvent;
import org.doseledger.core.integrity.api.LedgerVerifiedEvent;
import org.doseledger.core.integrity.api.ReadModelDivergedEvent;
import org.doseledger.core.integrity.api.ReadModelRepairedEvent;
import org.doseledger.core.integrity.api.SealingHaltedEvent;
import org.doseledger.core.integrity.api.SealingResumedEvent;
import org.doseledger.core.integrity.api.SigningKeyActivatedEvent;
import org.doseledger.core.integrity.api.SigningKeyEndorsedEvent;
import org.doseledger.core.location.api.LocationKind;
import org.doseledger.core.location.api.StorageLocationRegisteredEvent;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practice.api.PracticePoliciesSetEvent;
import org.doseledger.core.practice.api.PracticeRegisteredEvent;
import org.doseledger.core.practitioner.api.CertificateKind;
import org.doseledger.core.practitioner.api.PractitionerCertificateRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerDeaRegistrationRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerDeactivatedEvent;
import org.doseledger.core.practitioner.api.PractitionerIdentityRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerLicenceRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerRegisteredEvent;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.product.api.ProductRegisteredEvent;
import org.doseledger.core.session.api.ClientDischargedEvent;
import org.doseledger.core.session.api.DosingSessionCancelledEvent;
import org.doseledger.core.session.api.DosingSessionScheduledEvent;
import org.doseledger.core.session.api.DosingSessionStartedEvent;
import org.doseledger.core.session.api.ObservationKind;
import org.doseledger.core.session.api.ObservationRecordedEvent;
import org.doseledger.core.session.api.RemsFormSubmittedEvent;
import org.doseledger.core.session.api.Severity;
import org.doseledger.core.session.api.VitalsRecordedEvent;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DosageForm;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.CountTiming;
import org.doseledger.core.stock.api.DiscrepancyRecordedEvent;
import org.doseledger.core.stock.api.DiscrepancyResolvedEvent;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.DrawOverdueEvent;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.LossCarrier;
import org.doseledger.core.stock.api.LossDetails;
import org.doseledger.core.stock.api.LossType;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.core.stock.api.PaymentType;
import org.doseledger.core.stock.api.PoliceReport;
import org.doseledger.core.stock.api.Prescription;
import org.doseledger.core.stock.api.StockCountedEvent;
import org.doseledger.core.stock.api.StockDestroyedEvent;
import org.doseledger.core.stock.api.StockLossReportedEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.StockReturnedEvent;
import org.doseledger.core.stock.api.StockTransferredInEvent;
import org.doseledger.core.stock.api.StockTransferredOutEvent;
import org.doseledger.core.stock.api.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the stored JSON of every event. Stored events are read back for as long as the records are
 * kept (years): a renamed field or changed format must fail here, and be handled by a new revision
 * with an upcaster, never slip into production.
 */
class EventJsonApprovalTest {

    private static final Path APPROVED = Path.of("src/test/resources/approved-events");
    private static final ObjectMapper LEDGER = JacksonConfiguration.ledgerMapper();
    private static final PracticeId PRACTICE = PracticeId.of("springfield");
    private static final Instant AT = Instant.parse("2026-11-20T15:30:00Z");
    private static final StockLotRef LOT = new StockLotRef(PRACTICE, "safe-1", "42023-0113-10", "L2026A");
    private static final Strength STRENGTH = new Strength(new BigDecimal("50"), StockUnit.ML);
    private static final Quantity ML_2 = Quantity.of("2", StockUnit.ML);
    private static final Quantity ML_46 = Quantity.of("46", StockUnit.ML);
    private static final TreatmentPlanTerms PLAN = new TreatmentPlanTerms(
            6,
            2,
            6,
            Route.IM,
            new BigDecimal("40"),
            new BigDecimal("90"),
            new BigDecimal("100"),
            java.time.Duration.ofDays(6));
    private static final PostalAddress ADDRESS = new PostalAddress("12 Elm St", null, "Springfield", "IL", "62702");

    /** An item as the API seals it: the key id, a 12-byte nonce and the ciphertext with its tag, in Base64. */
    private static SealedPersonalData sealed(String field) {
        return new SealedPersonalData(
                "0b6d1f3e-5a7c-4e2b-9d80-3c4f5a6b7c8d",
                "q83vASNFZ4mrze8B",
                java.util.Base64.getEncoder().encodeToString((field + " ciphertext and tag").getBytes()));
    }

    static Stream<Object> events() {
        return Stream.of(
                new PracticeRegisteredEvent(
                        PRACTICE,
                        "Springfield Ketamine Clinic",
                        ADDRESS,
                        "AB1234563",
                        LocalDate.parse("2028-06-30"),
                        List.of(ControlledSchedule.III, ControlledSchedule.IIIN),
                        "America/Chicago",
                        AT,
                        "2175550100",
                        "Dana Whitfield"),
                new PracticePoliciesSetEvent(PRACTICE, new PracticePolicies(true, 20), AT),
                new org.doseledger.core.practice.api.PracticeContactRecordedEvent(
                        PRACTICE, "2175550100", "Dana Whitfield", AT),
                new org.doseledger.core.practice.api.HistoryImportOpenedEvent(
                        PRACTICE,
                        "binder-2025",
                        "Controlled substance binder 2025",
                        "ab".repeat(32),
                        java.time.LocalDate.of(2025, 1, 1),
                        java.time.LocalDate.of(2025, 12, 31),
                        "md-1",
                        AT),
                new org.doseledger.core.practice.api.HistoryImportClosedEvent(PRACTICE, "binder-2025", "md-1", AT),
                new ClientEnrolledInRemsEvent(PRACTICE, "c-1001", sealed("enrolment-id"), AT),
                new ClientRegisteredEvent(
                        PRACTICE,
                        "c-1001",
                        sealed("legal-name"),
                        sealed("date-of-birth"),
                        sealed("address"),
                        AT,
                        sealed("sex")),
                new ConsentSignedEvent(
                        PRACTICE,
                        "c-1001",
                        "8d7e3c1a-0000-4000-8000-000000000001",
                        new ConsentDocument("KAP-CONSENT", "3", LocalDate.parse("2026-01-15")),
                        AT,
                        sealed("signedBy"),
                        sealed("witnessedBy"),
                        List.of("dissociation", "elevated blood pressure"),
                        List.of(Route.IM, Route.SUBLINGUAL),
                        List.of(CareModel.ADMINISTERED),
                        Instant.parse("2027-11-20T15:30:00Z")),
                new ConsentRevokedEvent(
                        PRACTICE, "c-1001", "8d7e3c1a-0000-4000-8000-000000000001", AT, sealed("reason")),
                new ClientAddressChangedEvent(PRACTICE, "c-1001", sealed("address"), AT),
                new ClientWeightRecordedEvent(PRACTICE, "c-1001", new BigDecimal("72.4"), "rn-1", AT),
                new ClientContactUpdatedEvent(PRACTICE, "c-1001", sealed("phone"), AT),
                new ClientDataKeyShreddedEvent(
                        PRACTICE,
                        "c-1001",
                        "0b6d1f3e-5a7c-4e2b-9d80-3c4f5a6b7c8d",
                        "retention period over",
                        Instant.parse("2024-11-20T15:30:00Z"),
                        AT),
                new MedicalClearanceRecordedEvent(
                        PRACTICE,
                        "c-1001",
                        "clr-1",
                        ClearanceSource.OUTSIDE_CLINICIAN,
                        null,
                        sealed("clinician"),
                        AT,
                        150,
                        95,
                        sealed("conditions"),
                        Instant.parse("2027-05-10T16:00:00Z")),
                new TreatmentPlanApprovedEvent(PRACTICE, "c-1001", "plan-1", PLAN, "md-1", AT),
                new TreatmentPlanAmendedEvent(PRACTICE, "c-1001", "plan-1", PLAN, sealed("reason"), "md-1", AT),
                new DosingSessionScheduledEvent(PRACTICE, "s-1", "c-1001", Substance.ESKETAMINE, AT, AT),
                new DosingSessionStartedEvent(PRACTICE, "s-1", "c-1001", "room-1", "rn-2", AT),
                new VitalsRecordedEvent(PRACTICE, "s-1", "c-1001", 128, 82, 74, 98, "rn-2", AT),
                new ObservationRecordedEvent(
                        PRACTICE,
                        "s-1",
                        "c-1001",
                        ObservationKind.ADVERSE_EVENT,
                        Severity.MILD,
                        sealed("description"),
                        sealed("actionTaken"),
                        "rn-2",
                        AT),
                new ClientDischargedEvent(
                        PRACTICE, "s-1", "c-1001", true, sealed("escort"), "rn-2", LocalDate.parse("2026-11-27"), AT),
                new DosingSessionCancelledEvent(PRACTICE, "s-2", "c-1001", sealed("reason"), AT),
                new RemsFormSubmittedEvent(
                        PRACTICE, "s-1", "c-1001", "REMS-77881", true, true, false, true, true, 95, "rn-2", AT),
                new SigningKeyActivatedEvent(
                        "3f1c9a0b7e2d4c61",
                        "Ed25519",
                        "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=",
                        null,
                        AT),
                new SigningKeyEndorsedEvent(
                        "8d04e1f2a37b5c90",
                        "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=",
                        "3f1c9a0b7e2d4c61",
                        "2Jq1H6mX0u4Jd0lq3mA3nKp8T0x9o2w5Y7r1e6t3u0i8q4s2d1f5g7h9j0k2l4z6x8c0v2b4n6m8q0w2e4r6t8==",
                        AT),
                new LedgerVerifiedEvent(
                        false,
                        true,
                        1200,
                        12,
                        1190,
                        "EVENT_ALTERED at position 7: the event's stored columns no longer hash to its stored hash",
                        null,
                        AT.minusSeconds(2),
                        AT),
                new ReadModelDivergedEvent(
                        "audit-trail",
                        2048,
                        2,
                        "audit-trail diverges from the event log up to position 2048: 2 MISSING in audit_trail"
                                + " (first at [1501, 1502])",
                        AT),
                new ReadModelRepairedEvent("audit-trail", 2100, AT),
                new SealingHaltedEvent(
                        "Sealing refused (HISTORY_REWRITTEN): the database's tree over its first 1200 leaves has root"
                                + " 5d0c..., not the root this sealer signed",
                        AT),
                new SealingResumedEvent(AT),
                new ExportGeneratedEvent(
                        PRACTICE,
                        "7d3e5f10-0000-4000-8000-000000000001",
                        "dispensing-record",
                        new java.util.TreeMap<>(Map.of("from", "2026-01-01", "to", "2026-06-30")),
                        412,
                        new java.util.TreeMap<>(Map.of(
                                "dispensing-record.csv",
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                "dispensing-record.json",
                                "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752")),
                        "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13",
                        1190,
                        12,
                        1190,
                        "0123456789abcdef",
                        AT),
                new PdmpSubmissionStatusChangedEvent(
                        PRACTICE,
                        "7d3e5f10-0000-4000-8000-000000000002",
                        PdmpSubmissionStatus.REJECTED,
                        "IL-20260501-17",
                        "TT02 does not match the segment count",
                        AT),
                new ExceptionAcknowledgedEvent(
                        PRACTICE,
                        "DRAW_OVERDUE:safe-1:42023-0113-10:L2026A:draw-1",
                        ExceptionKind.DRAW_OVERDUE,
                        "J. Doe, compliance officer",
                        "asked rn-1 for the waste record",
                        AT),
                new ExceptionResolvedEvent(
                        PRACTICE,
                        "DRAW_OVERDUE:safe-1:42023-0113-10:L2026A:draw-1",
                        ExceptionKind.DRAW_OVERDUE,
                        "J. Doe, compliance officer",
                        "waste entered late with co-signature",
                        AT),
                new ClientDataAccessedEvent(
                        PRACTICE,
                        "5f0c7a52-0000-4000-8000-000000000001",
                        "0123456789abcdef",
                        Role.COMPLIANCE_OFFICER,
                        "c-1001",
                        AccessKind.READ,
                        "GET /api/practices/{practiceId}/clients/{clientId}/timeline",
                        java.util.Map.of("limit", "50"),
                        PurposeOfUse.TREATMENT,
                        AT),
                new AccessLogReviewedEvent(
                        PRACTICE,
                        "5f0c7a52-0000-4000-8000-000000000002",
                        Instant.parse("2026-10-01T00:00:00Z"),
                        Instant.parse("2026-11-01T00:00:00Z"),
                        "J. Doe, compliance officer",
                        "0123456789abcdef",
                        "nothing unusual",
                        AT),
                new TherapySessionRecordedEvent(
                        PRACTICE, "c-1001", "t-1", TherapySessionKind.INTEGRATION, "th-1", "s-1", 50, AT),
                new ConsentSupersededEvent(PRACTICE, "c-1001", "8d7e3c1a-0000-4000-8000-000000000001", "consent-2", AT),
                new ApiKeyIssuedEvent(
                        "0123456789abcdef", Role.PRACTICE_WRITER, PRACTICE, "EHR", "ab".repeat(32), null, AT),
                new ApiKeyRevokedEvent("0123456789abcdef", AT, "device lost"),
                new PracticeAccessGrantedEvent("0123456789abcdef", PRACTICE, "subpoena 2026-118", AT),
                new PracticeAccessWithdrawnEvent("0123456789abcdef", PRACTICE, "case closed", AT),
                new ProductRegisteredEvent(
                        PRACTICE,
                        "42023-0113-10",
                        "Ketamine HCl 50 mg/mL",
                        Substance.KETAMINE,
                        ControlledSchedule.IIIN,
                        DosageForm.INJECTABLE_SOLUTION,
                        "ketamine HCl injection 50 mg/mL",
                        STRENGTH,
                        Quantity.of("10", StockUnit.ML),
                        AT),
                new StorageLocationRegisteredEvent(
                        PRACTICE,
                        "annex-safe",
                        "Chatham annex safe",
                        LocationKind.SAFE,
                        false,
                        AT,
                        new PostalAddress("40 Oak Ave", null, "Chatham", "IL", "62629"),
                        "BA6125341",
                        "SPR-HCS-10442"),
                new PractitionerRegisteredEvent(
                        PRACTICE,
                        "md-1",
                        "Dr. Grace Hopper",
                        List.of(PractitionerRole.PRESCRIBER),
                        "BJ6125341",
                        AT,
                        new PersonName("Grace", "Brewster", "Hopper"),
                        "1234567893"),
                new PractitionerIdentityRecordedEvent(
                        PRACTICE, "md-1", new PersonName("Grace", "Brewster", "Hopper"), "1234567893", AT),
                new PractitionerDeactivatedEvent(PRACTICE, "md-1", AT, "left the practice"),
                new PractitionerLicenceRecordedEvent(
                        PRACTICE, "md-1", "IL-041-2203", "IL", LocalDate.parse("2028-05-31"), AT),
                new PractitionerDeaRegistrationRecordedEvent(
                        PRACTICE,
                        "md-1",
                        "BJ6125341",
                        LocalDate.parse("2028-06-30"),
                        List.of(ControlledSchedule.III, ControlledSchedule.IIIN),
                        AT),
                new PractitionerCertificateRecordedEvent(
                        PRACTICE,
                        "md-1",
                        CertificateKind.KAP_TRAINING,
                        "Polaris Insight Center",
                        LocalDate.parse("2025-03-01"),
                        null,
                        AT),
                new StockReceivedEvent(
                        LOT,
                        "receipt-1",
                        Substance.KETAMINE,
                        STRENGTH,
                        LocalDate.parse("2027-06-30"),
                        5,
                        Quantity.of("10", StockUnit.ML),
                        Quantity.of("50", StockUnit.ML),
                        new BigDecimal("2500"),
                        new Supplier("Henry Schein", ADDRESS, "AB1234563"),
                        "INV-1001",
                        "rn-1",
                        Quantity.of("50", StockUnit.ML),
                        AT,
                        null),
                new DoseDrawnEvent(
                        LOT,
                        "draw-1",
                        Quantity.of("1.5", StockUnit.ML),
                        new BigDecimal("75"),
                        "c-1001",
                        "s-1",
                        "rn-1",
                        Quantity.of("48.5", StockUnit.ML),
                        AT,
                        new LateEntry("paper log transcribed after outage", "md-1")),
                new DoseAdministeredEvent(
                        LOT,
                        "draw-1",
                        Quantity.of("1.2", StockUnit.ML),
                        new BigDecimal("60"),
                        Route.IM,
                        "c-1001",
                        "s-1",
                        "rn-1",
                        Quantity.of("0.3", StockUnit.ML),
                        AT,
                        null,
                        List.of(),
                        null),
                new DoseWastedEvent(
                        LOT,
                        "draw-1",
                        Quantity.of("0.3", StockUnit.ML),
                        new BigDecimal("15"),
                        "expelled into drug disposal container",
                        "c-1001",
                        "rn-1",
                        "rn-2",
                        Quantity.of("0", StockUnit.ML),
                        AT,
                        null),
                new DoseDispensedEvent(
                        LOT,
                        "disp-1",
                        ML_2,
                        new BigDecimal("100"),
                        Route.SUBLINGUAL,
                        "c-1001",
                        "md-1",
                        "rn-1",
                        7,
                        true,
                        ML_46,
                        AT,
                        null,
                        new Prescription("RX-2026-0142", LocalDate.parse("2026-11-24"), 0, PaymentType.PRIVATE_PAY)),
                new StockTransferredOutEvent(
                        LOT,
                        "t-1",
                        "safe-2",
                        ML_2,
                        new BigDecimal("100"),
                        LocalDate.parse("2027-06-30"),
                        "rn-1",
                        "rn-2",
                        ML_46,
                        AT,
                        null),
                new StockTransferredInEvent(
                        new StockLotRef(PRACTICE, "safe-2", "42023-0113-10", "L2026A"),
                        "t-1",
                        "safe-1",
                        Substance.KETAMINE,
                        STRENGTH,
                        LocalDate.parse("2027-06-30"),
                        Quantity.of("10", StockUnit.ML),
                        ML_2,
                        new BigDecimal("100"),
                        "rn-1",
                        "rn-2",
                        ML_2,
                        AT,
                        null),
                new StockReturnedEvent(
                        LOT,
                        "r-1",
                        ML_2,
                        new BigDecimal("100"),
                        new Supplier("Henry Schein", ADDRESS, "AB1234563"),
                        "recalled lot",
                        "rn-1",
                        "rn-2",
                        ML_46,
                        AT,
                        null),
                new StockDestroyedEvent(
                        LOT,
                        "d-1",
                        Quantity.of("25", StockUnit.ML),
                        new BigDecimal("1250"),
                        Quantity.of("10", StockUnit.ML),
                        2,
                        Quantity.of("5", StockUnit.ML),
                        "chemical digestion (Rx Destroyer)",
                        "clinic, room 4",
                        "rn-1",
                        List.of("rn-2", "md-1"),
                        ML_2,
                        AT,
                        null),
                new StockLossReportedEvent(
                        LOT,
                        "l-1",
                        ML_2,
                        new BigDecimal("100"),
                        LossType.EMPLOYEE_PILFERAGE,
                        new PoliceReport("Springfield PD", "SPD-26-4471", "2175550911"),
                        "vial missing at opening count",
                        "md-1",
                        LocalDate.parse("2026-11-23"),
                        LocalDate.parse("2027-01-04"),
                        ML_46,
                        AT,
                        null,
                        new LossDetails(
                                LocalDate.parse("2026-11-19"),
                                "Sangamon",
                                new BigDecimal("84.50"),
                                new LossCarrier(
                                        "Midwest Medical Courier", "MMC-77120", LocalDate.parse("2026-11-18")))),
                new StockCountedEvent(
                        LOT,
                        "count-1",
                        CountKind.BIENNIAL,
                        CountTiming.OPENING_OF_BUSINESS,
                        Quantity.of("45.6", StockUnit.ML),
                        ML_46,
                        Quantity.of("-0.4", StockUnit.ML),
                        false,
                        "rn-1",
                        "rn-2",
                        AT,
                        null),
                new DiscrepancyRecordedEvent(
                        LOT,
                        "count-1",
                        ML_46,
                        Quantity.of("45.6", StockUnit.ML),
                        Quantity.of("-0.4", StockUnit.ML),
                        AT),
                new DiscrepancyResolvedEvent(
                        LOT,
                        "count-1",
                        "overfill estimate",
                        Quantity.of("-0.4", StockUnit.ML),
                        new BigDecimal("-20"),
                        "rn-1",
                        "md-1",
                        Quantity.of("45.6", StockUnit.ML),
                        AT,
                        null),
                new EntryCorrectedEvent(
                        LOT,
                        "corr-1",
                        "8d7e3c1a-0000-4000-8000-000000000002",
                        Movement.DRAWN,
                        "draw-1",
                        Quantity.of("2", StockUnit.ML),
                        Quantity.of("1.9", StockUnit.ML),
                        Quantity.of("0.1", StockUnit.ML),
                        Quantity.of("45.7", StockUnit.ML),
                        "syringe reading transcribed wrongly",
                        "rn-1",
                        "md-1",
                        AT,
                        null),
                new DrawOverdueEvent(
                        LOT,
                        "draw-1",
                        "c-1001",
                        "rn-1",
                        AT,
                        Quantity.of("0.3", StockUnit.ML),
                        java.time.Duration.ofMinutes(60),
                        AT.plusSeconds(3600)),
                new org.doseledger.core.export.api.ExportRequestedEvent(
                        PRACTICE,
                        "8d7e3c1a-0000-4000-8000-000000000003",
                        "dispensing-record",
                        Map.of("from", "2026-11-01", "to", "2026-11-30"),
                        "key-1",
                        AT),
                new DrawAccountedForEvent(
                        LOT,
                        "draw-1",
                        "c-1001",
                        Quantity.of("1.5", StockUnit.ML),
                        Quantity.of("1.2", StockUnit.ML),
                        Quantity.of("0.3", StockUnit.ML),
                        AT));
    }

    @ParameterizedTest
    @MethodSource("events")
    void storedJsonIsUnchanged(Object event) throws IOException {
        String json = LEDGER.writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n";
        Path approved = APPROVED.resolve(event.getClass().getSimpleName() + ".json");
        if (!Files.exists(approved)) {
            Files.createDirectories(APPROVED);
            Files.writeString(approved, json);
            fail("No approved JSON for " + event.getClass().getSimpleName() + "; wrote " + approved
                    + ": review it and commit it");
        }
        assertThat(json).isEqualTo(Files.readString(approved));
    }

    @ParameterizedTest
    @MethodSource("events")
    void storedJsonReadsBackIntoTheSameEvent(Object event) throws IOException {
        Path approved = APPROVED.resolve(event.getClass().getSimpleName() + ".json");

        Object read = LEDGER.readValue(Files.readString(approved), event.getClass());

        assertThat(read).isEqualTo(event);
    }

    /**
     * Every event class of the core has a sample above, and every approved file belongs to one: a new event
     * that nobody added here would otherwise never be pinned.
     */
    @org.junit.jupiter.api.Test
    void everyEventOfTheCoreIsPinned() throws Exception {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(
                org.doseledger.core.shared.LedgerEvent.class));
        java.util.Set<String> declared = new java.util.TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("org.doseledger.core")) {
            declared.add(Class.forName(candidate.getBeanClassName()).getSimpleName());
        }
        java.util.Set<String> sampled = new java.util.TreeSet<>();
        events().forEach(event -> sampled.add(event.getClass().getSimpleName()));
        java.util.Set<String> approved = new java.util.TreeSet<>();
        try (Stream<Path> files = Files.list(APPROVED)) {
            files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                    .forEach(approved::add);
        }

        assertThat(declared).as("event classes of the core").isNotEmpty().isEqualTo(sampled);
        assertThat(approved).as("approved files").isEqualTo(sampled);
    }
}
