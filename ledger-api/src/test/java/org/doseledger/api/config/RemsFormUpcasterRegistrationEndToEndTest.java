package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.core.session.api.RemsFormSubmittedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The event store reads stored events through the upcaster chain, and the REMS form upcaster is in it. */
class RemsFormUpcasterRegistrationEndToEndTest extends EndToEndTest {

    @Autowired
    org.axonframework.config.Configuration axon;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void theLedgersUpcasterChainReadsARevisionOneFormAsRevisionTwo() {
        String stored = """
                {"clientId":"c-1","confirmationNumber":"REMS-1","occurredAt":"2026-11-20T15:30:00Z",
                 "practiceId":"springfield","sessionId":"s-1","submittedBy":"rn-2"}
                """;
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "DosingSession",
                "session:springfield:s-1",
                4,
                "8d7e3c1a-0000-4000-8000-000000000098",
                Instant.parse("2026-11-20T15:30:00Z"),
                RemsFormSubmittedEvent.class.getName(),
                "1",
                stored.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        RemsFormSubmittedEvent event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event.confirmationNumber()).isEqualTo("REMS-1");
        assertThat(event.sedation()).isNull();
        assertThat(event.respiratoryDepression()).isNull();
        assertThat(event.readyToLeaveAfterMinutes()).isNull();
    }

    @Test
    void theLedgersUpcasterChainReadsARevisionOneConsentWithItsNamesNotSealed() throws Exception {
        String stored = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/resources/approved-events/history/ConsentSignedEvent-revision-1.json"));
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "Client",
                "client:springfield:c-1001",
                1,
                "8d7e3c1a-0000-4000-8000-000000000097",
                Instant.parse("2026-11-20T15:30:00Z"),
                org.doseledger.core.client.api.ConsentSignedEvent.class.getName(),
                "1",
                stored.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        org.doseledger.core.client.api.ConsentSignedEvent event =
                serializer.deserialize(upcast.get(0).getData());
        assertThat(event.signedBy().isNotSealed()).isTrue();
        assertThat(event.signedBy().plaintextJson()).isEqualTo("\"Ada Lovelace\"");
    }
}
