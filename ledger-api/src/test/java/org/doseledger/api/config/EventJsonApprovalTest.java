package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.doseledger.core.apikey.api.ApiKeyIssuedEvent;
import org.doseledger.core.apikey.api.ApiKeyRevokedEvent;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.client.api.ConsentDocument;
import org.doseledger.core.client.api.ConsentRevokedEvent;
import org.doseledger.core.client.api.ConsentSignedEvent;
import org.doseledger.core.practice.api.PracticeRegisteredEvent;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Route;
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
    private static final PostalAddress ADDRESS = new PostalAddress("12 Elm St", null, "Springfield", "IL", "62702");

    static Stream<Object> events() {
        return Stream.of(
                new PracticeRegisteredEvent(
                        PRACTICE,
                        "Springfield Ketamine Clinic",
                        ADDRESS,
                        "AB1234563",
                        LocalDate.parse("2028-06-30"),
                        List.of(ControlledSchedule.III, ControlledSchedule.IIIN),
                        AT),
                new ClientRegisteredEvent(
                        PRACTICE,
                        "c-1001",
                        new PersonName("Ada", null, "Lovelace"),
                        LocalDate.parse("1985-12-10"),
                        ADDRESS,
                        AT),
                new ConsentSignedEvent(
                        PRACTICE,
                        "c-1001",
                        "8d7e3c1a-0000-4000-8000-000000000001",
                        new ConsentDocument("KAP-CONSENT", "3", LocalDate.parse("2026-01-15")),
                        AT,
                        "Ada Lovelace",
                        "Nurse Joy",
                        List.of("dissociation", "elevated blood pressure"),
                        List.of(Route.IM, Route.SUBLINGUAL),
                        List.of(CareModel.ADMINISTERED),
                        Instant.parse("2027-11-20T15:30:00Z")),
                new ConsentRevokedEvent(
                        PRACTICE, "c-1001", "8d7e3c1a-0000-4000-8000-000000000001", AT, "Client withdrew consent"),
                new ApiKeyIssuedEvent(
                        "0123456789abcdef", Role.PRACTICE_WRITER, PRACTICE, "EHR", "ab".repeat(32), null, AT),
                new ApiKeyRevokedEvent("0123456789abcdef", AT, "device lost"));
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
}
