package org.doseledger.api.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of batch writes ({@code ledger.batch.*}).
 *
 * @param maxItems most writes one batch may hold; a larger batch is refused with 413 before any runs
 */
@ConfigurationProperties("ledger.batch")
public record BatchProperties(@DefaultValue("100") int maxItems) {}
