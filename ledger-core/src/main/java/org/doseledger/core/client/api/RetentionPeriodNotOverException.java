package org.doseledger.core.client.api;

import java.time.Instant;
import java.time.Period;
import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * A client's personal data may only be shredded once every record naming the client is past the
 * retention period (DEA: 2 years; states and HIPAA may require longer).
 */
public class RetentionPeriodNotOverException extends LedgerRuleViolation {

    public RetentionPeriodNotOverException(String clientId, Instant lastActivityAt, Period retention) {
        super("The records of client " + clientId + " must be kept until " + retention + " after their last entry ("
                + lastActivityAt + "); their personal data cannot be shredded yet");
    }

    @Override
    public String code() {
        return "RETENTION_PERIOD_NOT_OVER";
    }
}
