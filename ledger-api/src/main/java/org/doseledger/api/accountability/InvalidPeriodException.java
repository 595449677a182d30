package org.doseledger.api.accountability;

import java.time.Instant;
import org.doseledger.api.web.InvalidQueryException;

/** A period that ends before it starts. */
class InvalidPeriodException extends InvalidQueryException {

    InvalidPeriodException(Instant from, Instant asOf) {
        super("from", "from " + from + " is after asOf " + asOf);
    }
}
