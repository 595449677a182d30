package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.doseledger.core.client.api.ConsentSignedEvent;
import org.doseledger.core.client.api.MedicalClearanceRecordedEvent;
import org.doseledger.core.shared.SealedPersonalData;
import org.junit.jupiter.api.Test;

/**
 * Consents and clearances stored before their names were sealed read back with those fields as items not
 * sealed: the plaintext as recorded, in the sealed shape, never an error.
 */
class FreeTextNamesUpcasterTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(JacksonConfiguration.ledgerMapper())
            .build();

    private final FreeTextNamesUpcaster upcaster = new FreeTextNamesUpcaster();

    @Test
    void aRevisionOneConsentReadsBackWithItsNamesNotSealed() throws IOException {
        ConsentSignedEvent event = upcast("ConsentSignedEvent", ConsentSignedEvent.class.getName());

        assertThat(event.signedBy()).isEqualTo(SealedPersonalData.notSealed("\"Ada Lovelace\""));
        assertThat(event.signedBy().isNotSealed()).isTrue();
        assertThat(event.signedBy().plaintextJson()).isEqualTo("\"Ada Lovelace\"");
        assertThat(event.witnessedBy().plaintextJson()).isEqualTo("\"Nurse Joy\"");
        assertThat(event.consentId()).isEqualTo("8d7e3c1a-0000-4000-8000-000000000001");
    }

    @Test
    void aRevisionOneClearanceReadsBackWithItsClinicianAndConditionsNotSealed() throws IOException {
        MedicalClearanceRecordedEvent event =
                upcast("MedicalClearanceRecordedEvent", MedicalClearanceRecordedEvent.class.getName());

        assertThat(event.clinician().plaintextJson()).isEqualTo("\"Dr. Ana Reyes, primary care\"");
        assertThat(event.conditions().plaintextJson()).isEqualTo("\"recheck blood pressure before each dose\"");
        assertThat(event.maxSystolicMmHg()).isEqualTo(150);
    }

    @Test
    void aRevisionTwoConsentIsLeftAsStored() throws IOException {
        String stored = Files.readString(Path.of("src/test/resources/approved-events/ConsentSignedEvent.json"));

        List<IntermediateEventRepresentation> upcast = upcaster.upcast(
                        Stream.of(stored(stored, ConsentSignedEvent.class.getName(), "2")))
                .toList();

        ConsentSignedEvent event = SERIALIZER.deserialize(upcast.get(0).getData());
        assertThat(event.signedBy().isNotSealed()).isFalse();
        assertThat(event.signedBy().keyId()).isEqualTo("0b6d1f3e-5a7c-4e2b-9d80-3c4f5a6b7c8d");
    }

    private static <T> T upcast(String name, String type) throws IOException {
        String stored =
                Files.readString(Path.of("src/test/resources/approved-events/history/" + name + "-revision-1.json"));
        List<IntermediateEventRepresentation> upcast = new FreeTextNamesUpcaster()
                .upcast(Stream.of(stored(stored, type, "1")))
                .toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        return SERIALIZER.deserialize(upcast.get(0).getData());
    }

    private static IntermediateEventRepresentation stored(String json, String type, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "Client",
                "client:springfield:c-1001",
                2,
                "8d7e3c1a-0000-4000-8000-000000000098",
                Instant.parse("2026-11-20T15:30:00Z"),
                type,
                revision,
                json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, SERIALIZER);
    }
}
