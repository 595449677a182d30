package org.doseledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits ({@code ledger.rate-limit.*}), kept in each node's memory, so with N replicas a credential or an
 * address may make up to N times as many requests.
 *
 * @param enabled whether the per-credential limit applies; it does not switch off the failed-credentials limit
 * @param perSecond the rate at which a credential's bucket of requests refills
 * @param burst the size of that bucket; a request finding it empty is answered 429 with Retry-After
 * @param failedCredentialsPerMinute credentials that a source address may present without success: it may fail
 *     this many times in a row, then once more for every minute divided by this number; until then every request
 *     from it that carries a credential is answered 429 with Retry-After (see {@link FailedCredentialLimiter}).
 *     0 turns this limit off
 */
@ConfigurationProperties("ledger.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") double perSecond,
        @DefaultValue("200") int burst,
        @DefaultValue("20") int failedCredentialsPerMinute) {

    public RateLimitProperties {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("ledger.rate-limit.per-second must be above 0, not " + perSecond
                    + " (ledger.rate-limit.enabled=false turns the limit off)");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("ledger.rate-limit.burst must be 1 or more, not " + burst);
        }
        if (failedCredentialsPerMinute < 0) {
            throw new IllegalArgumentException(
                    "ledger.rate-limit.failed-credentials-per-minute must be 0 (off) or more," + " not "
                            + failedCredentialsPerMinute);
        }
    }
}
