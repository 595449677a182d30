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
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.doseledger.core.session.api.RemsFormSubmittedEvent;
import org.doseledger.core.shared.PracticeId;
import org.junit.jupiter.api.Test;

/** A REMS form stored before the form's assessments were recorded reads back with them "not recorded". */
class RemsFormSubmittedUpcasterTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(JacksonConfiguration.ledgerMapper())
            .build();

    private final RemsFormSubmittedUpcaster upcaster = new RemsFormSubmittedUpcaster();

    @Test
    void aRevisionOneFormReadsBackWithItsAssessmentsNotRecorded() throws IOException {
        String stored = Files.readString(
                Path.of("src/test/resources/approved-events/history/RemsFormSubmittedEvent-revision-1.json"));

        List<IntermediateEventRepresentation> upcast =
                upcaster.upcast(Stream.of(stored(stored, "1"))).toList();

        assertThat(upcast).hasSize(1);
        SerializedType type = upcast.get(0).getType();
        assertThat(type.getName()).isEqualTo(RemsFormSubmittedEvent.class.getName());
        assertThat(type.getRevision()).isEqualTo("2");
        RemsFormSubmittedEvent event = SERIALIZER.deserialize(upcast.get(0).getData());
        assertThat(event)
                .isEqualTo(new RemsFormSubmittedEvent(
                        PracticeId.of("springfield"),
                        "s-1",
                        "c-1001",
                        "REMS-77881",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "rn-2",
                        Instant.parse("2026-11-20T15:30:00Z")));
    }

    @Test
    void aRevisionTwoFormIsLeftAsStored() throws IOException {
        String stored = Files.readString(Path.of("src/test/resources/approved-events/RemsFormSubmittedEvent.json"));

        List<IntermediateEventRepresentation> upcast =
                upcaster.upcast(Stream.of(stored(stored, "2"))).toList();

        RemsFormSubmittedEvent event = SERIALIZER.deserialize(upcast.get(0).getData());
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        assertThat(event.sedation()).isTrue();
        assertThat(event.dissociation()).isTrue();
        assertThat(event.respiratoryDepression()).isFalse();
        assertThat(event.readyToLeaveAfterMinutes()).isEqualTo(95);
    }

    private static IntermediateEventRepresentation stored(String json, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "DosingSession",
                "session:springfield:s-1",
                4,
                "8d7e3c1a-0000-4000-8000-000000000099",
                Instant.parse("2026-11-20T15:30:00Z"),
                RemsFormSubmittedEvent.class.getName(),
                revision,
                json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, SERIALIZER);
    }
}
