package org.doseledger.core.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * The lot's fields are its snapshot. Its form is pinned here with its revision: a change to either (a field
 * added, renamed or moved into a part) must change both, so that snapshots of the old form are ignored and
 * lots rebuilt from their events rather than read into the wrong fields.
 */
class StockLotSnapshotFormTest {

    @Test
    void theSnapshotFormIsRevisionTwo() {
        ObjectMapper json = new ObjectMapper();
        var properties =
                json.getSerializationConfig().introspect(json.constructType(StockLot.class)).findProperties().stream()
                        .map(BeanPropertyDefinition::getName)
                        .toList();

        assertThat(StockLot.class.getAnnotation(Revision.class).value()).isEqualTo("2");
        assertThat(properties)
                .containsExactlyInAnyOrder(
                        "id",
                        "lot",
                        "substance",
                        "strength",
                        "containerSize",
                        "expiresOn",
                        "balance",
                        "history",
                        "draws",
                        "recordedIds",
                        "entries",
                        "corrections",
                        "openDiscrepancies",
                        "resolvedDiscrepancies");
    }
}
