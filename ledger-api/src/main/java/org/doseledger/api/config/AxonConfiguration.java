package org.doseledger.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.doseledger.core.access.AccessLogReview;
import org.doseledger.core.access.ClientDataAccess;
import org.doseledger.core.apikey.ApiKey;
import org.doseledger.core.client.Client;
import org.doseledger.core.compliance.ExceptionReview;
import org.doseledger.core.export.Export;
import org.doseledger.core.integrity.LedgerIntegrity;
import org.doseledger.core.location.StorageLocation;
import org.doseledger.core.practice.Practice;
import org.doseledger.core.practitioner.Practitioner;
import org.doseledger.core.product.Product;
import org.doseledger.core.session.DosingSession;
import org.doseledger.core.shared.LedgerMetadata;
import org.doseledger.core.stock.StockLot;
import org.doseledger.projections.access.AccessLogProjection;
import org.doseledger.projections.accountability.AccountabilityAudit;
import org.doseledger.projections.apikey.ApiKeyRegistryProjection;
import org.doseledger.projections.audit.AuditTrailProjection;
import org.doseledger.projections.client.ClientRegistryProjection;
import org.doseledger.projections.compliance.ComplianceExceptionsProjection;
import org.doseledger.projections.consent.ConsentRegistryProjection;
import org.doseledger.projections.consistency.DosingConsistencyProjection;
import org.doseledger.projections.dosing.DosingRegistryProjection;
import org.doseledger.projections.location.LocationRegistryProjection;
import org.doseledger.projections.practice.PracticeRegistryProjection;
import org.doseledger.projections.practitioner.PractitionerRegistryProjection;
import org.doseledger.projections.product.ProductCatalogueProjection;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.support.ProjectionPositions;
import org.doseledger.projections.support.SharedCatchUp;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon on PostgreSQL through JDBC: snake_case tables created by Flyway, the ledger's own Jackson
 * mapper, aggregates registered without Spring stereotypes (ledger-core stays free of Spring), and
 * the read models of ledger-projections.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, except that events read for streaming
     * processors carry their own global index (see {@link LedgerEventStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema) {
        return new LedgerEventStorageEngine(engine(
                defaultSerializer,
                persistenceExceptionResolver,
                eventSerializer,
                configuration,
                connectionProvider,
                transactionManager,
                eventSchema));
    }

    /**
     * The ledger as the shared catch-up of the read models reads it: the same engine, fetching
     * {@code ledger.projections.catch-up-batch-size} events per query instead of Axon's 100. Not a bean of its
     * own type, so that Axon keeps a single storage engine.
     */
    @Bean
    SharedCatchUp.Ledger catchUpLedger(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            @Value("${ledger.projections.catch-up-batch-size:1000}") int batchSize) {
        LedgerEventStorageEngine engine = new LedgerEventStorageEngine(engine(
                        defaultSerializer,
                        persistenceExceptionResolver,
                        eventSerializer,
                        configuration,
                        connectionProvider,
                        transactionManager,
                        eventSchema)
                .batchSize(batchSize));
        return new SharedCatchUp.Ledger() {
            @Override
            public TrackingToken tail() {
                return engine.createTailToken();
            }

            @Override
            public Stream<? extends TrackedEventMessage<?>> readAfter(TrackingToken token) {
                return engine.readEvents(token, false);
            }
        };
    }

    private static JdbcEventStorageEngine.Builder engine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema);
    }

    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    LedgerEventStore eventStore(
            EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return new LedgerEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(100));
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_identifier")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /** Copies the ledger's metadata (credential, practitioner, request, idempotency key, recorded time) onto events. */
    @Bean
    CorrelationDataProvider ledgerMetadataProvider() {
        return new SimpleCorrelationDataProvider(LedgerMetadata.ALL.toArray(String[]::new));
    }

    /** Snapshots are taken after the command's transaction, on a thread of their own. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-snapshotter");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    AggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory,
            ExecutorService snapshotExecutor) {
        // ledger-core's aggregates are not Spring beans, so the snapshotter is told their factories
        return AggregateSnapshotter.builder()
                .aggregateFactories(new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        StockLot.class, parameterResolverFactory, handlerDefinition)))
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }

    @Bean
    ConfigurerModule ledgerAggregates(LedgerProperties properties) {
        return configurer -> configurer
                .configureAggregate(Practice.class)
                .configureAggregate(Client.class)
                .configureAggregate(ApiKey.class)
                .configureAggregate(Product.class)
                .configureAggregate(StorageLocation.class)
                .configureAggregate(Practitioner.class)
                .configureAggregate(DosingSession.class)
                .configureAggregate(ExceptionReview.class)
                .configureAggregate(ClientDataAccess.class)
                .configureAggregate(AccessLogReview.class)
                .configureAggregate(LedgerIntegrity.class)
                .configureAggregate(Export.class)
                .configureAggregate(stockLots(properties));
    }

    private static AggregateConfigurer<StockLot> stockLots(LedgerProperties properties) {
        AggregateConfigurer<StockLot> stockLots = AggregateConfigurer.defaultConfiguration(StockLot.class)
                .configureSnapshotTrigger(
                        c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), properties.snapshotThreshold()))
                // a snapshot of an older form of the lot is ignored: the lot is rebuilt from its events
                .configureSnapshotFilter(c -> RevisionSnapshotFilter.builder()
                        .type(StockLot.class)
                        .revision(StockLot.class.getAnnotation(Revision.class).value())
                        .build());
        if (properties.stockLotCacheSize() > 0) {
            stockLots.configureCache(c -> new CommittedAggregateCache(properties.stockLotCacheSize()));
        }
        return stockLots;
    }

    /**
     * Lookup tables that commands rely on are written by subscribing processors inside the command's
     * transaction; a failure there must fail the command, not be logged and skipped.
     */
    @Bean
    ConfigurerModule lookupTablesFailTheCommand() {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            processing.registerListenerInvocationErrorHandler(
                    PracticeRegistryProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
            for (String lookup : List.of(
                    ApiKeyRegistryProjection.PROCESSING_GROUP,
                    ClientRegistryProjection.PROCESSING_GROUP,
                    ConsentRegistryProjection.PROCESSING_GROUP,
                    DosingRegistryProjection.PROCESSING_GROUP,
                    LocationRegistryProjection.PROCESSING_GROUP,
                    PractitionerRegistryProjection.PROCESSING_GROUP,
                    ProductCatalogueProjection.PROCESSING_GROUP)) {
                processing.registerListenerInvocationErrorHandler(lookup, c -> PropagatingErrorHandler.instance());
            }
        };
    }

    @Bean
    PracticeRegistryProjection practiceRegistryProjection(
            JdbcTemplate jdbc, @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper) {
        return new PracticeRegistryProjection(jdbc, mapper);
    }

    @Bean
    ApiKeyRegistryProjection apiKeyRegistryProjection(JdbcTemplate jdbc) {
        return new ApiKeyRegistryProjection(jdbc);
    }

    @Bean
    ClientRegistryProjection clientRegistryProjection(JdbcTemplate jdbc) {
        return new ClientRegistryProjection(jdbc);
    }

    @Bean
    ConsentRegistryProjection consentRegistryProjection(
            JdbcTemplate jdbc, @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper) {
        return new ConsentRegistryProjection(jdbc, mapper);
    }

    @Bean
    DosingRegistryProjection dosingRegistryProjection(
            JdbcTemplate jdbc, @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper) {
        return new DosingRegistryProjection(jdbc, mapper);
    }

    @Bean
    LocationRegistryProjection locationRegistryProjection(
            JdbcTemplate jdbc, @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper) {
        return new LocationRegistryProjection(jdbc, mapper);
    }

    @Bean
    PractitionerRegistryProjection practitionerRegistryProjection(
            JdbcTemplate jdbc, @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper) {
        return new PractitionerRegistryProjection(jdbc, mapper);
    }

    @Bean
    ProductCatalogueProjection productCatalogueProjection(JdbcTemplate jdbc) {
        return new ProductCatalogueProjection(jdbc);
    }

    @Bean
    StockLotProjection stockLotProjection(
            JdbcTemplate jdbc, @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper) {
        return new StockLotProjection(jdbc, mapper);
    }

    @Bean
    ClientTimelineProjection clientTimelineProjection(
            JdbcTemplate jdbc, @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper) {
        return new ClientTimelineProjection(jdbc, mapper);
    }

    @Bean
    AuditTrailProjection auditTrailProjection(
            JdbcTemplate jdbc, @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper) {
        return new AuditTrailProjection(jdbc, mapper);
    }

    @Bean
    AccessLogProjection accessLogProjection(
            JdbcTemplate jdbc, @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper) {
        return new AccessLogProjection(jdbc, mapper);
    }

    @Bean
    ComplianceExceptionsProjection complianceExceptionsProjection(
            JdbcTemplate jdbc, @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper) {
        return new ComplianceExceptionsProjection(jdbc, mapper);
    }

    @Bean
    DosingConsistencyProjection dosingConsistencyProjection(
            JdbcTemplate jdbc, @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper) {
        return new DosingConsistencyProjection(jdbc, mapper);
    }

    @Bean
    AccountabilityAudit accountabilityAudit(JdbcTemplate jdbc) {
        return new AccountabilityAudit(jdbc);
    }

    @Bean
    ProjectionPositions projectionPositions(
            JdbcTemplate jdbc,
            @Qualifier(JacksonConfiguration.LEDGER_MAPPER) ObjectMapper mapper,
            ObjectProvider<EventProcessingConfiguration> processing) {
        return new ProjectionPositions(
                jdbc,
                mapper,
                processorName -> processing
                        .getObject()
                        .eventProcessor(processorName, StreamingEventProcessor.class)
                        .map(StreamingEventProcessor::processingStatus)
                        .orElse(Map.of()));
    }
}
