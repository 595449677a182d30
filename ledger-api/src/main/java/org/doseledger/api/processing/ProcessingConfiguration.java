package org.doseledger.api.processing;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.lifecycle.Phase;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Operating the streaming read models: processor defaults, replays, dead letters, lag metrics. */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    @Bean
    static PooledProcessorDefaults pooledProcessorDefaults(Environment environment) {
        return new PooledProcessorDefaults(environment);
    }

    @Bean
    static SavepointPerEventHandler savepointPerEventHandler(
            Environment environment, ObjectProvider<PlatformTransactionManager> transactions) {
        return new SavepointPerEventHandler(environment, transactions);
    }

    @Bean
    StreamingProcessors streamingProcessors(
            EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer) {
        return new StreamingProcessors(processing, jdbc, serializer);
    }

    /** Resets the named processors after Axon built them and just before it starts them. */
    @Bean
    ConfigurerModule replayOnStart(
            @Value("${ledger.replay-on-start:}") List<String> names, ObjectProvider<StreamingProcessors> processors) {
        ReplayOnStart replay = new ReplayOnStart(names);
        return configurer -> configurer.onInitialize(configuration ->
                configuration.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> replay.run(processors.getObject())));
    }

    @Bean
    ApplicationListener<ApplicationStartedEvent> projectionMetrics(
            ObjectProvider<StreamingProcessors> processors, ObjectProvider<MeterRegistry> registry) {
        return event ->
                registry.ifAvailable(meters -> new ProjectionMetrics(processors.getObject(), meters).register());
    }
}
