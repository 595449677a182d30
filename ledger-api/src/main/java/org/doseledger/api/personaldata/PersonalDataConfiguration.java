package org.doseledger.api.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.doseledger.api.config.JacksonConfiguration;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.doseledger.projections.personaldata.PersonalDataReveal;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Client personal data: the data keys, wrapped by this service's master key, and reading sealed items back. */
@Configuration
class PersonalDataConfiguration {

    @Bean
    ClientDataKeys clientDataKeys(
            JdbcTemplate jdbc,
            MasterKey masterKey,
            @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper json,
            Clock clock) {
        return new ClientDataKeys(jdbc, masterKey.key(), json, clock);
    }

    @Bean
    PersonalDataReveal personalDataReveal(ClientDataKeys keys) {
        return new PersonalDataReveal(keys);
    }
}
