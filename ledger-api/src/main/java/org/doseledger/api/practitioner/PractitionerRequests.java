package org.doseledger.api.practitioner;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.ValidDeaNumber;
import org.doseledger.api.web.ValidNpi;
import org.doseledger.core.practitioner.api.CertificateKind;
import org.doseledger.core.practitioner.api.DeactivatePractitionerCommand;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.RecordCertificateCommand;
import org.doseledger.core.practitioner.api.RecordDeaRegistrationCommand;
import org.doseledger.core.practitioner.api.RecordLicenceCommand;
import org.doseledger.core.practitioner.api.RecordPractitionerIdentityCommand;
import org.doseledger.core.practitioner.api.RegisterPractitionerCommand;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PracticeId;

final class PractitionerRequests {

    private PractitionerRequests() {}

    /** A state licence: its number, the issuing state, its expiry. */
    record LicenceBody(
            @NotBlank @Size(max = 64) String number,

            @NotBlank
            @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code")
            String state,

            @NotNull LocalDate expiresOn,
            @PastOrPresent Instant occurredAt) {

        RecordLicenceCommand toCommand(PracticeId practiceId, String practitionerId, Instant recordedAt) {
            return new RecordLicenceCommand(
                    practiceId, practitionerId, number, state, expiresOn, occurredAt == null ? recordedAt : occurredAt);
        }
    }

    /** The expiry and schedules of the DEA registration whose number the practitioner was registered with. */
    record DeaRegistrationBody(
            @NotNull LocalDate expiresOn, @NotEmpty List<@NotNull ControlledSchedule> schedules) {}

    /** A DEA registration recorded on its own: number, expiry, schedules. */
    record DeaRegistrationRequest(
            @NotBlank @Size(max = 9) @ValidDeaNumber String deaNumber,
            @NotNull LocalDate expiresOn,
            @NotEmpty List<@NotNull ControlledSchedule> schedules,
            @PastOrPresent Instant occurredAt) {

        RecordDeaRegistrationCommand toCommand(PracticeId practiceId, String practitionerId, Instant recordedAt) {
            return new RecordDeaRegistrationCommand(
                    practiceId,
                    practitionerId,
                    DeaNumber.of(deaNumber),
                    expiresOn,
                    EnumSet.copyOf(schedules),
                    occurredAt == null ? recordedAt : occurredAt);
        }
    }

    /** @param expiresOn absent when the certificate does not expire */
    record CertificateRequest(
            @NotNull CertificateKind kind,
            @NotBlank @Size(max = 200) String issuer,
            @NotNull @PastOrPresent LocalDate issuedOn,
            LocalDate expiresOn,
            @PastOrPresent Instant occurredAt) {

        RecordCertificateCommand toCommand(PracticeId practiceId, String practitionerId, Instant recordedAt) {
            return new RecordCertificateCommand(
                    practiceId,
                    practitionerId,
                    kind,
                    issuer,
                    issuedOn,
                    expiresOn,
                    occurredAt == null ? recordedAt : occurredAt);
        }
    }

    /**
     * @param deaNumber the practitioner's own DEA registration; required for prescribers
     * @param licence the state licence, which every clinical act needs; may also be recorded later
     * @param deaRegistration expiry and schedules of {@code deaNumber}, which prescribing needs
     * @param legalName given and family name as the PDMP file reports a prescriber
     * @param npi the practitioner's National Provider Identifier (ten digits, check digit verified)
     */
    record RegisterPractitionerRequest(
            @NotBlank @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
            String practitionerId,

            @NotBlank @Size(max = 200) String name,
            @NotEmpty List<@NotNull PractitionerRole> roles,
            @Size(max = 9) @ValidDeaNumber String deaNumber,
            @Valid LicenceBody licence,
            @Valid DeaRegistrationBody deaRegistration,
            @NotNull @PastOrPresent Instant occurredAt,
            @Valid LegalNameBody legalName,
            @Size(max = 10) @ValidNpi String npi) {

        @JsonIgnore
        @Schema(hidden = true)
        @AssertTrue(message = "deaRegistration needs a deaNumber")
        boolean isDeaRegistrationComplete() {
            return deaRegistration == null || deaNumber != null;
        }

        /** The credentials sent along with the registration, recorded in the same transaction. */
        List<Object> credentialCommands(PracticeId practiceId) {
            List<Object> commands = new ArrayList<>();
            if (licence != null) {
                commands.add(new RecordLicenceCommand(
                        practiceId,
                        practitionerId,
                        licence.number(),
                        licence.state(),
                        licence.expiresOn(),
                        occurredAt));
            }
            if (deaRegistration != null) {
                commands.add(new RecordDeaRegistrationCommand(
                        practiceId,
                        practitionerId,
                        DeaNumber.of(deaNumber),
                        deaRegistration.expiresOn(),
                        EnumSet.copyOf(deaRegistration.schedules()),
                        occurredAt));
            }
            return commands;
        }

        RegisterPractitionerCommand toCommand(PracticeId practiceId) {
            return new RegisterPractitionerCommand(
                    practiceId,
                    practitionerId,
                    name,
                    EnumSet.copyOf(roles),
                    deaNumber == null ? null : DeaNumber.of(deaNumber),
                    occurredAt,
                    legalName == null ? null : legalName.toName(),
                    npi);
        }
    }

    /** A legal name and NPI recorded after the practitioner's registration; they replace those on file. */
    record IdentityRequest(
            @NotNull @Valid LegalNameBody legalName,
            @Size(max = 10) @ValidNpi String npi,
            @PastOrPresent Instant occurredAt) {

        RecordPractitionerIdentityCommand toCommand(PracticeId practiceId, String practitionerId, Instant recordedAt) {
            return new RecordPractitionerIdentityCommand(
                    practiceId, practitionerId, legalName.toName(), npi, occurredAt == null ? recordedAt : occurredAt);
        }
    }

    /** A practitioner's legal name in parts, as the PDMP file reports a prescriber (PRE05-PRE07). */
    record LegalNameBody(
            @NotBlank @Size(max = 100) String given,
            @Size(max = 100) String middle,
            @NotBlank @Size(max = 100) String family) {

        PersonName toName() {
            return new PersonName(
                    given.strip(), middle == null || middle.isBlank() ? null : middle.strip(), family.strip());
        }
    }

    record DeactivatePractitionerRequest(
            @NotNull @PastOrPresent Instant occurredAt,
            @NotBlank @Size(max = 1000) String reason) {

        DeactivatePractitionerCommand toCommand(PracticeId practiceId, String practitionerId) {
            return new DeactivatePractitionerCommand(practiceId, practitionerId, occurredAt, reason);
        }
    }
}
