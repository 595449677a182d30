package org.doseledger.api.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.doseledger.api.config.LedgerEventStore;
import org.doseledger.api.personaldata.MasterKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WriteConfiguration {

    @Bean
    AppendedEventsRecorder appendedEventsRecorder(EventStore eventStore) {
        AppendedEventsRecorder recorder = new AppendedEventsRecorder();
        eventStore.registerDispatchInterceptor(recorder);
        return recorder;
    }

    @Bean
    PracticeSequencer practiceSequencer(EventStore eventStore, JdbcTemplate jdbc) {
        PracticeSequencer sequencer = new PracticeSequencer(jdbc);
        eventStore.registerDispatchInterceptor(sequencer);
        return sequencer;
    }

    @Bean
    LedgerWriter ledgerWriter(
            CommandGateway commands,
            AppendedEventsRecorder recorder,
            JdbcTemplate jdbc,
            LedgerEventStore eventStore,
            io.micrometer.core.instrument.MeterRegistry meters) {
        return new LedgerWriter(commands, recorder, jdbc, eventStore, meters);
    }

    @Bean
    IdempotentWrites idempotentWrites(
            TransactionTemplate transactions, JdbcTemplate jdbc, ObjectMapper mapper, MasterKey masterKey) {
        return new IdempotentWrites(transactions, jdbc, mapper, masterKey.derive("idempotency-fingerprint/1"));
    }

    @Bean
    WebMvcConfigurer writeContextArguments(Clock clock) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new WriteContextResolver(clock));
            }
        };
    }
}
