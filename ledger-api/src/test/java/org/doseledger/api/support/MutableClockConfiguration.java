package org.doseledger.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock replaced by a {@link MutableClock} a test moves: import it into a test with a
 * context (and database) of its own, {@code ledger.test.isolated-context}.
 */
@TestConfiguration
public class MutableClockConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
