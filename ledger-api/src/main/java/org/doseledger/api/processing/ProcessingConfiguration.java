package org.doseledger.api.processing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.lifecycle.Phase;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.TokenStoreProperties;
import org.doseledger.projections.access.AccessLogProjection;
import org.doseledger.projections.audit.AuditTrailProjection;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.support.ProcessingNode;
import org.doseledger.projections.support.ReadModelReconciliation;
import org.doseledger.projections.support.SegmentBalancer;
import org.doseledger.projections.support.SharedCatchUp;
import org.doseledger.projections.support.StreamingProcessors;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operating the streaming read models: processor defaults, replays, dead letters, lag metrics, and their
 * reconciliation with the event log.
 */
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
    static CoverageRecorder coverageRecorder(Environment environment, ObjectProvider<JdbcTemplate> jdbc) {
        return new CoverageRecorder(environment, jdbc);
    }

    /** The read-model tables with a row per event, compared row by row with the event log. */
    @Bean
    ReadModelReconciliation readModelReconciliation(
            StreamingProcessors processors, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new ReadModelReconciliation(
                processors,
                jdbc,
                transactions,
                List.of(
                        AuditTrailProjection.ROWS,
                        ClientTimelineProjection.ROWS,
                        StockLotProjection.MOVEMENTS,
                        AccessLogProjection.ACCESSES,
                        AccessLogProjection.REVIEWS),
                clock);
    }

    @Bean
    ReconciliationSchedule reconciliationSchedule(
            ReadModelReconciliation reconciliation,
            CommandGateway commands,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            @Value("${ledger.reconciliation.enabled:true}") boolean enabled) {
        return new ReconciliationSchedule(reconciliation, commands, jdbc, transactions, enabled);
    }

    /**
     * This node's name in {@code token_entry.owner} and {@code processor_node}: {@code ledger.node-id}, or the
     * host's name and a random suffix. Axon's default (process id and host) is the same for two service
     * instances in one JVM, which then both believed they held the same segments.
     */
    @Bean
    ProcessingNode processingNode(@Value("${ledger.node-id:}") String configured) {
        return ProcessingNode.of(configured);
    }

    /** Axon's JDBC token store as its auto-configuration builds it, with this node's name as the owner. */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connections,
            Serializer serializer,
            TokenSchema schema,
            TokenStoreProperties properties,
            ProcessingNode node) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(node.id())
                .build();
    }

    @Bean(destroyMethod = "leave")
    SegmentBalancer segmentBalancer(
            StreamingProcessors processors,
            JdbcTemplate jdbc,
            ProcessingNode node,
            @Value("${ledger.projections.node-timeout:6s}") Duration nodeTimeout,
            @Value("${ledger.projections.release-for:10s}") Duration releaseFor,
            @Value("${ledger.projections.balance:true}") boolean enabled) {
        return new SegmentBalancer(processors, jdbc, node.id(), nodeTimeout, releaseFor, enabled);
    }

    @Bean
    StreamingProcessors streamingProcessors(
            EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer, SharedCatchUp catchUp) {
        return new StreamingProcessors(processing, jdbc, serializer, catchUp);
    }

    /**
     * The read models at the start of the ledger, caught up together. Its claims are held in the token
     * store under an owner of its own, this node's name with {@code /catch-up}, which this node's processors
     * cannot take over while the claims are renewed.
     */
    @Bean(destroyMethod = "stop")
    SharedCatchUp sharedCatchUp(
            EventProcessingConfiguration processing,
            SharedCatchUp.Ledger ledger,
            ConnectionProvider connections,
            Serializer serializer,
            TokenSchema schema,
            TokenStoreProperties tokenStoreProperties,
            ProcessingNode node,
            TokenStore nodeTokens,
            TransactionManager transactions,
            EventProcessorProperties processorProperties,
            Environment environment) {
        ProjectionSettings settings =
                Binder.get(environment).bindOrCreate("ledger.projections", Bindable.of(ProjectionSettings.class));
        TokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(node.id() + "/catch-up")
                .build();
        return new SharedCatchUp(
                processing,
                ledger,
                tokens,
                nodeTokens,
                transactions,
                name -> {
                    EventProcessorProperties.ProcessorSettings own =
                            processorProperties.getProcessors().get(name);
                    Integer count = own == null ? null : own.getInitialSegmentCount();
                    return count == null ? settings.segments() : count;
                },
                settings.catchUpBatchSize(),
                settings.catchUpTogether());
    }

    /**
     * No per-event Axon message monitors (counters, timers, capacity and latency gauges) on any event processor. On
     * the streaming read models they were about a tenth of a replay's processor time (docs/benchmarks.md, Projection
     * replay), and their lag and dead letters are measured by {@link ProjectionMetrics}. The subscribing lookup tables
     * run inside each write's transaction, and each of them reported every event of every write to its monitors, most
     * of them as ignored: about a tenth of a write's request thread (docs/benchmarks.md, Ingest over REST). The command
     * and query buses keep Axon's monitors.
     */
    @Bean
    ConfigurerModule noPerEventMonitorsOnEventProcessors(EventProcessorProperties properties) {
        return configurer -> properties
                .getProcessors()
                .keySet()
                .forEach(name -> configurer
                        .eventProcessing()
                        .registerMessageMonitor(name, configuration -> NoOpMessageMonitor.INSTANCE));
    }

    /**
     * Resets the processors named by {@code ledger.replay-on-start} after Axon built them and just before it
     * starts them, then claims for the shared catch-up every read model at the start of the ledger.
     */
    @Bean
    ConfigurerModule replayOnStart(
            @Value("${ledger.replay-on-start:}") List<String> names,
            ObjectProvider<StreamingProcessors> processors,
            ObjectProvider<SharedCatchUp> catchUp) {
        ReplayOnStart replay = new ReplayOnStart(names);
        return configurer -> configurer.onInitialize(configuration -> {
            configuration.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> {
                replay.run(processors.getObject());
                processors.getObject().catchUpAtStart();
            });
            // the catch-up ends its batch and releases its claims before the processors and the database stop
            configuration.onShutdown(
                    Phase.INBOUND_EVENT_CONNECTORS, () -> catchUp.getObject().stop());
        });
    }

    @Bean
    ApplicationListener<ApplicationStartedEvent> projectionMetrics(
            ObjectProvider<StreamingProcessors> processors,
            ObjectProvider<ReadModelReconciliation> reconciliation,
            ObjectProvider<MeterRegistry> registry) {
        return event -> registry.ifAvailable(
                meters -> new ProjectionMetrics(processors.getObject(), reconciliation.getObject(), meters).register());
    }
}
