package org.doseledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests each credential may make ({@code ledger.rate-limit.*}): a bucket of {@code burst} requests
 * that refills at {@code perSecond}; a request finding it empty is answered 429 with Retry-After. The
 * buckets live in each node's memory, so with N replicas a credential may make up to N times as many.
 */
@ConfigurationProperties("ledger.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") double perSecond,
        @DefaultValue("200") int burst) {}
