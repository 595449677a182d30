package org.doseledger.core.stock;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doseledger.core.practitioner.api.Credentials;
import org.doseledger.core.practitioner.api.PractitionerFacts;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.PracticeId;

/** In-memory practitioners by practice and id. */
final class FakePractitioners implements Practitioners {

    private final Map<String, PractitionerFacts> practitioners = new HashMap<>();

    /** An active practitioner; a prescriber among them holds a DEA registration. */
    FakePractitioners active(PracticeId practiceId, String practitionerId, PractitionerRole... roles) {
        return with(practiceId, practitionerId, true, List.of(roles).contains(PractitionerRole.PRESCRIBER), roles);
    }

    /** An active practitioner without a DEA registration, whatever their roles. */
    FakePractitioners activeWithoutDea(PracticeId practiceId, String practitionerId, PractitionerRole... roles) {
        return with(practiceId, practitionerId, true, false, roles);
    }

    FakePractitioners inactive(PracticeId practiceId, String practitionerId, PractitionerRole... roles) {
        return with(practiceId, practitionerId, false, List.of(roles).contains(PractitionerRole.PRESCRIBER), roles);
    }

    private FakePractitioners with(
            PracticeId practiceId, String practitionerId, boolean active, boolean holdsDea, PractitionerRole... roles) {
        EnumSet<PractitionerRole> roleSet = EnumSet.noneOf(PractitionerRole.class);
        roleSet.addAll(List.of(roles));
        practitioners.put(
                key(practiceId, practitionerId),
                new PractitionerFacts(practitionerId, active, roleSet, holdsDea, validCredentials(holdsDea)));
        return this;
    }

    /** A practitioner with a DEA number but no DEA registration (expiry, schedules) on record. */
    FakePractitioners withDeaNumberOnly(PracticeId practiceId, String practitionerId, PractitionerRole... roles) {
        EnumSet<PractitionerRole> roleSet = EnumSet.noneOf(PractitionerRole.class);
        roleSet.addAll(List.of(roles));
        Credentials licenceOnly = new Credentials(LocalDate.of(2030, 12, 31), null, List.of(), null, null);
        practitioners.put(
                key(practiceId, practitionerId),
                new PractitionerFacts(practitionerId, true, roleSet, true, licenceOnly));
        return this;
    }

    /** A practitioner registered and (when {@code deactivatedAt} is not null) deactivated at those moments. */
    FakePractitioners registered(
            PracticeId practiceId,
            String practitionerId,
            java.time.Instant registeredAt,
            java.time.Instant deactivatedAt,
            PractitionerRole... roles) {
        EnumSet<PractitionerRole> roleSet = EnumSet.noneOf(PractitionerRole.class);
        roleSet.addAll(List.of(roles));
        practitioners.put(
                key(practiceId, practitionerId),
                new PractitionerFacts(
                        practitionerId,
                        deactivatedAt == null,
                        roleSet,
                        false,
                        validCredentials(false),
                        registeredAt,
                        deactivatedAt));
        return this;
    }

    /** A practitioner with the given credentials, e.g. an expired licence. */
    FakePractitioners withCredentials(
            PracticeId practiceId, String practitionerId, Credentials credentials, PractitionerRole... roles) {
        EnumSet<PractitionerRole> roleSet = EnumSet.noneOf(PractitionerRole.class);
        roleSet.addAll(List.of(roles));
        practitioners.put(
                key(practiceId, practitionerId),
                new PractitionerFacts(practitionerId, true, roleSet, credentials.deaExpiresOn() != null, credentials));
        return this;
    }

    /** Licence (and, for DEA holders, a DEA registration covering IIIN) valid for years to come. */
    static Credentials validCredentials(boolean holdsDea) {
        LocalDate far = LocalDate.of(2030, 12, 31);
        return new Credentials(
                far,
                holdsDea ? far : null,
                holdsDea ? List.of(ControlledSchedule.IIIN) : List.of(),
                LocalDate.of(2025, 3, 1),
                null);
    }

    @Override
    public Optional<PractitionerFacts> find(PracticeId practiceId, String practitionerId) {
        return Optional.ofNullable(practitioners.get(key(practiceId, practitionerId)));
    }

    private static String key(PracticeId practiceId, String practitionerId) {
        return practiceId.value() + "/" + practitionerId;
    }
}
