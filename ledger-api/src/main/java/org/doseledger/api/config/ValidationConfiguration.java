package org.doseledger.api.config;

import java.time.Duration;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    /** Clients' clocks drift: a fact reported a few minutes "in the future" is still a past fact. */
    @Bean
    ValidationConfigurationCustomizer clockSkewTolerance() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                hibernate.temporalValidationTolerance(Duration.ofMinutes(5));
            }
        };
    }
}
