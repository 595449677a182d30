package org.doseledger.api.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.CommonRequests.AddressBody;
import org.doseledger.api.web.CommonRequests.PersonNameBody;
import org.doseledger.core.client.api.AmendTreatmentPlanCommand;
import org.doseledger.core.client.api.ApproveTreatmentPlanCommand;
import org.doseledger.core.client.api.ChangeClientAddressCommand;
import org.doseledger.core.client.api.ClearanceSource;
import org.doseledger.core.client.api.ConsentDocument;
import org.doseledger.core.client.api.DoseBasis;
import org.doseledger.core.client.api.RecordClientWeightCommand;
import org.doseledger.core.client.api.RecordConsentCommand;
import org.doseledger.core.client.api.RecordMedicalClearanceCommand;
import org.doseledger.core.client.api.RecordRemsEnrolmentCommand;
import org.doseledger.core.client.api.RecordTherapySessionCommand;
import org.doseledger.core.client.api.RegisterClientCommand;
import org.doseledger.core.client.api.RevokeConsentCommand;
import org.doseledger.core.client.api.TherapySessionKind;
import org.doseledger.core.client.api.TreatmentPlanTerms;
import org.doseledger.core.client.api.UpdateClientContactCommand;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.Route;
import org.doseledger.projections.personaldata.ClientDataKeys;

final class ClientRequests {

    private ClientRequests() {}

    /**
     * @param clientId chosen by the practice's software, unique within the practice
     * @param occurredAt when the practice registered the client
     * @param sex the client's sex as the state PDMP file reports it (PAT19); sealed like the other fields
     */
    record RegisterClientRequest(
            @NotBlank
            @Pattern(
                    regexp = CommonRequests.ID,
                    message = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
            String clientId,

            @NotNull @Valid PersonNameBody legalName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotNull @Valid AddressBody address,
            @NotNull @PastOrPresent Instant occurredAt,
            ClientSex sex) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "dateOfBirth must be in 1900 or later")
        boolean isDateOfBirthPlausible() {
            return dateOfBirth == null || dateOfBirth.getYear() >= 1900;
        }

        RegisterClientCommand toCommand(ClientRef client, ClientDataKeys keys) {
            return new RegisterClientCommand(
                    client,
                    keys.seal(client, "legalName", legalName.toName()),
                    keys.seal(client, "dateOfBirth", dateOfBirth),
                    keys.seal(client, "address", address.toAddress()),
                    occurredAt,
                    sex == null ? null : keys.seal(client, "sex", sex.name()));
        }
    }

    /** The consent document the client signed. */
    record ConsentDocumentBody(
            @NotBlank @Size(max = 100) String documentId,
            @NotBlank @Size(max = 40) String version,
            @NotNull @PastOrPresent LocalDate revisionDate) {}

    /**
     * @param signedBy name of the person who signed (the client, or their legal representative)
     * @param witnessedBy name or practitioner id of the witness
     * @param expiresAt when the consent stops covering doses, if practice policy sets an expiry
     */
    record RecordConsentRequest(
            @NotNull @Valid ConsentDocumentBody document,
            @NotNull @PastOrPresent Instant signedAt,
            @NotBlank @Size(max = 200) String signedBy,
            @NotBlank @Size(max = 200) String witnessedBy,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> risksAcknowledged,
            @NotEmpty List<@NotNull Route> routes,
            @NotEmpty List<@NotNull CareModel> careModels,
            Instant expiresAt) {

        /** Who signed and who witnessed are names: sealed under the client's data key. */
        RecordConsentCommand toCommand(ClientRef client, String consentId, ClientDataKeys keys) {
            return new RecordConsentCommand(
                    client,
                    consentId,
                    new ConsentDocument(document.documentId(), document.version(), document.revisionDate()),
                    signedAt,
                    keys.seal(client, "signedBy", signedBy),
                    keys.seal(client, "witnessedBy", witnessedBy),
                    new LinkedHashSet<>(risksAcknowledged),
                    EnumSet.copyOf(routes),
                    EnumSet.copyOf(careModels),
                    expiresAt);
        }
    }

    /** @param effectiveAt from when no dose may rely on the consent */
    record RevokeConsentRequest(
            @NotNull @PastOrPresent Instant effectiveAt,
            @NotBlank @Size(max = 1000) String reason) {

        /** The reason is free text that can name the client: sealed. */
        RevokeConsentCommand toCommand(ClientRef client, String consentId, ClientDataKeys keys) {
            return new RevokeConsentCommand(client, consentId, effectiveAt, keys.seal(client, "reason", reason));
        }
    }

    /** @param occurredAt from when the client lives at the new address */
    record ChangeAddressRequest(
            @NotNull @Valid AddressBody address,
            @NotNull @PastOrPresent Instant occurredAt) {

        ChangeClientAddressCommand toCommand(ClientRef client, ClientDataKeys keys) {
            return new ChangeClientAddressCommand(
                    client, keys.seal(client, "address", address.toAddress()), occurredAt);
        }
    }

    /** @param kilograms the measured weight in kg, at most one decimal place beyond grams */
    record RecordWeightRequest(
            @NotNull @Positive @Digits(integer = 3, fraction = 3)
            BigDecimal kilograms,

            @NotBlank @Pattern(regexp = CommonRequests.ID) String measuredBy,

            @NotNull @PastOrPresent Instant occurredAt) {

        RecordClientWeightCommand toCommand(ClientRef client) {
            return new RecordClientWeightCommand(client, kilograms, measuredBy, occurredAt);
        }
    }

    /** @param phone in international form, e.g. +1-217-555-0142 */
    record UpdateContactRequest(
            @NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{7,25}", message = "must be a phone number")
            String phone,

            @NotNull @PastOrPresent Instant occurredAt) {

        UpdateClientContactCommand toCommand(ClientRef client, ClientDataKeys keys) {
            return new UpdateClientContactCommand(client, keys.seal(client, "phone", phone), occurredAt);
        }
    }

    /** @param enrolmentId the patient enrolment id the Spravato REMS gave the client */
    record RemsEnrolmentRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits or hyphens")
            String enrolmentId,

            @NotNull @PastOrPresent Instant occurredAt) {

        RecordRemsEnrolmentCommand toCommand(ClientRef client, ClientDataKeys keys) {
            return new RecordRemsEnrolmentCommand(client, keys.seal(client, "enrolmentId", enrolmentId), occurredAt);
        }
    }

    /**
     * @param source IN_HOUSE_PRESCRIBER (then practitionerId names the prescriber) or OUTSIDE_CLINICIAN
     * @param clinician name and role as written on the clearance
     * @param maxSystolicMmHg blood-pressure limit at dosing set by the clearance, if any
     * @param expiresAt when the clearance stops applying, if it does
     */
    record RecordClearanceRequest(
            @NotNull ClearanceSource source,

            @Pattern(regexp = CommonRequests.ID) String practitionerId,

            @NotBlank @Size(max = 200) String clinician,
            @NotNull @PastOrPresent Instant clearedAt,

            @jakarta.validation.constraints.Min(60) @jakarta.validation.constraints.Max(250)
            Integer maxSystolicMmHg,

            @jakarta.validation.constraints.Min(30) @jakarta.validation.constraints.Max(150)
            Integer maxDiastolicMmHg,

            @Size(max = 4000) String conditions,
            Instant expiresAt) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "practitionerId is required for an in-house clearance")
        boolean isPractitionerNamed() {
            return source != ClearanceSource.IN_HOUSE_PRESCRIBER || practitionerId != null;
        }

        /** The clinician's name and the conditions are free text that can name the client: sealed. */
        RecordMedicalClearanceCommand toCommand(ClientRef client, String clearanceId, ClientDataKeys keys) {
            return new RecordMedicalClearanceCommand(
                    client,
                    clearanceId,
                    source,
                    practitionerId,
                    keys.seal(client, "clinician", clinician),
                    clearedAt,
                    maxSystolicMmHg,
                    maxDiastolicMmHg,
                    conditions == null ? null : keys.seal(client, "conditions", conditions),
                    expiresAt);
        }
    }

    /**
     * The terms of a treatment plan.
     *
     * @param preparationSessions preparation sessions planned; 0 when absent
     * @param integrationSessions integration sessions planned; 0 when absent
     * @param minIntervalDays least days between dosing sessions; 0 (no minimum) when absent
     * @param doseBasis MG (when absent) or MG_PER_KG: the dose figures are per kilogram of the client's latest
     *     recorded weight
     */
    record PlanTermsBody(
            @NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(100)
            Integer dosingSessions,

            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(100)
            Integer preparationSessions,

            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(100)
            Integer integrationSessions,

            @NotNull Route route,
            @NotNull @Positive BigDecimal minDose,
            @NotNull @Positive BigDecimal maxDose,
            @NotNull @Positive BigDecimal maxSingleDose,

            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(365)
            Integer minIntervalDays,

            DoseBasis doseBasis) {

        TreatmentPlanTerms toTerms() {
            return new TreatmentPlanTerms(
                    dosingSessions,
                    preparationSessions == null ? 0 : preparationSessions,
                    integrationSessions == null ? 0 : integrationSessions,
                    route,
                    minDose,
                    maxDose,
                    maxSingleDose,
                    java.time.Duration.ofDays(minIntervalDays == null ? 0 : minIntervalDays),
                    doseBasis);
        }
    }

    /** @param approvedBy the prescriber approving the plan */
    record ApprovePlanRequest(
            @NotNull @Valid PlanTermsBody terms,

            @NotBlank @Pattern(regexp = CommonRequests.ID) String approvedBy,

            @NotNull @PastOrPresent Instant occurredAt) {

        ApproveTreatmentPlanCommand toCommand(ClientRef client, String planId) {
            return new ApproveTreatmentPlanCommand(client, planId, terms.toTerms(), approvedBy, occurredAt);
        }
    }

    /** @param reason why the plan changes, e.g. "tolerance at 60 mg" */
    record AmendPlanRequest(
            @NotNull @Valid PlanTermsBody terms,
            @NotBlank @Size(max = 4000) String reason,

            @NotBlank @Pattern(regexp = CommonRequests.ID) String approvedBy,

            @NotNull @PastOrPresent Instant occurredAt) {

        /** The reason is free text that can name the client: sealed. */
        AmendTreatmentPlanCommand toCommand(ClientRef client, String planId, ClientDataKeys keys) {
            return new AmendTreatmentPlanCommand(
                    client, planId, terms.toTerms(), keys.seal(client, "reason", reason), approvedBy, occurredAt);
        }
    }

    /** @param dosingSessionId the dosing session prepared for or integrated, when there is one */
    record TherapySessionRequest(
            @NotNull TherapySessionKind kind,

            @NotBlank @Pattern(regexp = CommonRequests.ID) String therapistId,

            @Pattern(regexp = CommonRequests.ID) String dosingSessionId,

            @jakarta.validation.constraints.Min(5) @jakarta.validation.constraints.Max(600)
            int durationMinutes,

            @NotNull @PastOrPresent Instant occurredAt) {

        RecordTherapySessionCommand toCommand(ClientRef client, String therapySessionId) {
            return new RecordTherapySessionCommand(
                    client, therapySessionId, kind, therapistId, dosingSessionId, durationMinutes, occurredAt);
        }
    }
}
