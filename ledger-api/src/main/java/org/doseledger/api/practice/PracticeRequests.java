package org.doseledger.api.practice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.CommonRequests.AddressBody;
import org.doseledger.api.web.ValidDeaNumber;
import org.doseledger.core.practice.api.CloseHistoryImportCommand;
import org.doseledger.core.practice.api.OpenHistoryImportCommand;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practice.api.RecordPracticeContactCommand;
import org.doseledger.core.practice.api.RegisterPracticeCommand;
import org.doseledger.core.practice.api.SetPracticePoliciesCommand;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PracticeId;

final class PracticeRequests {

    private PracticeRequests() {}

    /**
     * @param practiceId chosen by the administrator; appears in every URL of the practice
     * @param timeZone IANA id of where the practice is, e.g. America/Chicago: expiry dates and deadlines are
     *     judged in it
     * @param occurredAt when the practice registered; defaults to the time the ledger records it
     * @param phone the registrant's phone, ten digits, as the DEA forms and the PDMP file give it (PHA10)
     * @param contactName whom a regulator or the PDMP calls about the practice's records (PHA11)
     */
    record RegisterPracticeRequest(
            @NotBlank
            @Pattern(
                    regexp = CommonRequests.ID,
                    message = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
            String practiceId,

            @NotBlank @Size(max = 200) String name,
            @NotNull @Valid AddressBody address,
            @NotBlank @Size(max = 9) @ValidDeaNumber String deaNumber,
            @NotNull LocalDate deaRegistrationExpiresOn,
            @NotEmpty List<@NotNull ControlledSchedule> authorizedSchedules,
            @NotBlank @Size(max = 64) String timeZone,
            @PastOrPresent Instant occurredAt,

            @Pattern(regexp = "[0-9]{10}", message = "must be ten digits, without punctuation")
            String phone,

            @Size(max = 200) String contactName) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "timeZone must be an IANA time zone id such as America/Chicago")
        boolean isTimeZoneValid() {
            if (timeZone == null) {
                return true;
            }
            try {
                // a region id (America/Chicago, UTC), not a fixed offset that ignores daylight saving
                return ZoneId.getAvailableZoneIds().contains(timeZone) && ZoneId.of(timeZone) != null;
            } catch (DateTimeException e) {
                return false;
            }
        }

        RegisterPracticeCommand toCommand(Instant recordedAt) {
            return new RegisterPracticeCommand(
                    PracticeId.of(practiceId),
                    name,
                    address.toAddress(),
                    DeaNumber.of(deaNumber),
                    deaRegistrationExpiresOn,
                    EnumSet.copyOf(authorizedSchedules),
                    ZoneId.of(timeZone),
                    occurredAt != null ? occurredAt : recordedAt,
                    phone,
                    contactName == null || contactName.isBlank() ? null : contactName.strip());
        }
    }

    /** The practice's phone and contact person, recorded after its registration; they replace those on file. */
    record ContactRequest(
            @NotBlank @Pattern(regexp = "[0-9]{10}", message = "must be ten digits, without punctuation")
            String phone,

            @NotBlank @Size(max = 200) String contactName,
            @PastOrPresent Instant occurredAt) {

        RecordPracticeContactCommand toCommand(PracticeId practiceId, Instant recordedAt) {
            return new RecordPracticeContactCommand(
                    practiceId, phone, contactName.strip(), occurredAt == null ? recordedAt : occurredAt);
        }
    }

    /**
     * @param requireMedicalClearance no dose without a medical clearance valid when it is given (false when
     *     absent)
     * @param doseIncreaseLimitPercent an increase over the previous session beyond this needs a rationale (25
     *     when absent)
     * @param lateEntryWindowHours entries recorded later than this after they occurred need a reason and a
     *     co-signer (24 when absent, and at most 24)
     * @param consentValidityDays consents signed without an expiry expire after this many days (0, the
     *     default: they do not)
     * @param requireWitnessedDraws every draw needs a witness (false when absent)
     * @param accessLogReviewDays a period of the access log not reviewed within this many days is a
     *     compliance exception (30 when absent; 0: no review required)
     * @param requireTreatmentPlan no dose for a client without an active treatment plan (true when absent)
     * @param nursesMayDispenseTakeHome nurses may dispense take-home doses, where the practice's state
     *     permits it (false when absent: only prescribers dispense)
     */
    record SetPoliciesRequest(
            Boolean requireMedicalClearance,

            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(1000)
            Integer doseIncreaseLimitPercent,

            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(24)
            Integer lateEntryWindowHours,

            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(3660)
            Integer consentValidityDays,

            Boolean requireWitnessedDraws,

            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(3660)
            Integer accessLogReviewDays,

            Boolean requireTreatmentPlan,
            Boolean nursesMayDispenseTakeHome) {

        SetPracticePoliciesCommand toCommand(PracticeId practiceId, Instant recordedAt) {
            PracticePolicies defaults = PracticePolicies.DEFAULTS;
            return new SetPracticePoliciesCommand(
                    practiceId,
                    new PracticePolicies(
                            Boolean.TRUE.equals(requireMedicalClearance),
                            doseIncreaseLimitPercent == null
                                    ? defaults.doseIncreaseLimitPercent()
                                    : doseIncreaseLimitPercent,
                            lateEntryWindowHours == null ? defaults.lateEntryWindowHours() : lateEntryWindowHours,
                            consentValidityDays == null ? defaults.consentValidityDays() : consentValidityDays,
                            Boolean.TRUE.equals(requireWitnessedDraws),
                            accessLogReviewDays == null ? defaults.accessLogReviewDays() : accessLogReviewDays,
                            requireTreatmentPlan == null || requireTreatmentPlan,
                            Boolean.TRUE.equals(nursesMayDispenseTakeHome)),
                    recordedAt);
        }
    }

    /**
     * Opens an import of paper history.
     *
     * @param sourceDocument what the entries are transcribed from, e.g. "Controlled substance binder 2025"
     * @param sourceSha256 SHA-256 of the scanned source document (64 hex digits)
     * @param coversFrom first day (in the practice's time zone) of the period the import covers
     * @param coversTo last day of that period; in the past
     * @param attestedBy the practitioner who attests that the transcription is true; every imported entry names
     *     them as its co-signer
     */
    record OpenHistoryImportRequest(
            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String importId,

            @NotBlank @Size(max = 500) String sourceDocument,

            @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits")
            String sourceSha256,

            @NotNull LocalDate coversFrom,
            @NotNull LocalDate coversTo,

            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String attestedBy,

            @PastOrPresent Instant occurredAt) {

        OpenHistoryImportCommand toCommand(PracticeId practiceId, Instant recordedAt) {
            return new OpenHistoryImportCommand(
                    practiceId,
                    importId,
                    sourceDocument,
                    sourceSha256,
                    coversFrom,
                    coversTo,
                    attestedBy,
                    occurredAt != null ? occurredAt : recordedAt);
        }
    }

    /** Closes a history import: no entry can name it from then on. */
    record CloseHistoryImportRequest(
            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String closedBy,

            @PastOrPresent Instant occurredAt) {

        CloseHistoryImportCommand toCommand(PracticeId practiceId, String importId, Instant recordedAt) {
            return new CloseHistoryImportCommand(
                    practiceId, importId, closedBy, occurredAt != null ? occurredAt : recordedAt);
        }
    }
}
