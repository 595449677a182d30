package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.export.api.ExportGeneratedEvent;
import org.doseledger.core.location.api.StorageLocationRegisteredEvent;
import org.doseledger.core.practice.api.PracticeRegisteredEvent;
import org.doseledger.core.practitioner.api.PractitionerRegisteredEvent;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.StockLossReportedEvent;
import org.junit.jupiter.api.Test;

/**
 * Events stored before an optional field was added read back with it null (not on file), the rest
 * unchanged: the copies in approved-events/history are the stored JSON of the time.
 */
class EventsBeforeTheirNewFieldsTest {

    @Test
    void aDispensingRecordedBeforePrescriptionsHasNone() throws IOException {
        DoseDispensedEvent event = read("DoseDispensedEvent-before-prescription.json", DoseDispensedEvent.class);

        assertThat(event.prescription()).isNull();
        assertThat(event.dispensationId()).isEqualTo("disp-1");
        assertThat(event.daysSupply()).isEqualTo(7);
    }

    @Test
    void aDispensingRecordedBeforeFillsWereCountedHasNoFillNumber() throws IOException {
        DoseDispensedEvent event = read("DoseDispensedEvent-before-fill-number.json", DoseDispensedEvent.class);

        assertThat(event.prescription().number()).isEqualTo("RX-2026-0142");
        assertThat(event.fillNumber()).isNull();
    }

    @Test
    void aPracticeRegisteredBeforePhonesHasNoPhoneOrContact() throws IOException {
        PracticeRegisteredEvent event =
                read("PracticeRegisteredEvent-before-phone-and-contact.json", PracticeRegisteredEvent.class);

        assertThat(event.phone()).isNull();
        assertThat(event.contactName()).isNull();
        assertThat(event.deaNumber()).isEqualTo("AB1234563");
    }

    @Test
    void aPractitionerRegisteredBeforeLegalNamesHasNoLegalNameOrNpi() throws IOException {
        PractitionerRegisteredEvent event =
                read("PractitionerRegisteredEvent-before-legal-name-and-npi.json", PractitionerRegisteredEvent.class);

        assertThat(event.legalName()).isNull();
        assertThat(event.npi()).isNull();
        assertThat(event.name()).isEqualTo("Dr. Grace Hopper");
    }

    @Test
    void aLossReportedBeforeForm106DetailsHasNoneAndNoPolicePhone() throws IOException {
        StockLossReportedEvent event =
                read("StockLossReportedEvent-before-form-106-details.json", StockLossReportedEvent.class);

        assertThat(event.details()).isNull();
        assertThat(event.policeReport().phone()).isNull();
        assertThat(event.policeReport().reportNumber()).isEqualTo("SPD-26-4471");
    }

    @Test
    void aLocationRegisteredBeforeAddressesIsAtThePracticesAddress() throws IOException {
        StorageLocationRegisteredEvent event =
                read("StorageLocationRegisteredEvent-before-address.json", StorageLocationRegisteredEvent.class);

        assertThat(event.address()).isNull();
        assertThat(event.deaNumber()).isNull();
        assertThat(event.locationId()).isEqualTo("safe-1");
    }

    @Test
    void aClientRegisteredBeforeSexWasAskedHasNoneOnFile() throws IOException {
        ClientRegisteredEvent event = read("ClientRegisteredEvent-before-sex.json", ClientRegisteredEvent.class);

        assertThat(event.sex()).isNull();
        assertThat(event.legalName()).isNotNull();
    }

    @Test
    void anExportGeneratedBeforeFilesListedTheirRecordsListsNone() throws IOException {
        ExportGeneratedEvent event = read("ExportGeneratedEvent-before-pdmp-records.json", ExportGeneratedEvent.class);

        assertThat(event.pdmpRecords()).isNull();
        assertThat(event.exportType()).isEqualTo("dispensing-record");
    }

    private static <T> T read(String file, Class<T> type) throws IOException {
        String stored = Files.readString(Path.of("src/test/resources/approved-events/history/" + file));
        return JacksonConfiguration.ledgerMapper().readValue(stored, type);
    }
}
