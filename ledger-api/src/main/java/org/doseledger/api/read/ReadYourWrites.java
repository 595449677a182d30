package org.doseledger.api.read;

import org.doseledger.api.config.LedgerProperties;
import org.doseledger.projections.support.ProjectionPositions;
import org.springframework.stereotype.Component;

/**
 * Lets a client read its own write: a read that names {@code atLeastPosition} (the ledgerPosition of a
 * write's receipt) waits, bounded, until the read model has handled that position.
 */
@Component
public class ReadYourWrites {

    private final ProjectionPositions positions;
    private final LedgerProperties properties;

    ReadYourWrites(ProjectionPositions positions, LedgerProperties properties) {
        this.positions = positions;
        this.properties = properties;
    }

    public void awaitPosition(String processor, Long atLeastPosition) {
        if (atLeastPosition == null || atLeastPosition <= 0) {
            return;
        }
        if (!positions.awaitPosition(processor, atLeastPosition, properties.readWaitTimeout())) {
            throw new ProjectionBehindException(processor, atLeastPosition);
        }
    }
}
