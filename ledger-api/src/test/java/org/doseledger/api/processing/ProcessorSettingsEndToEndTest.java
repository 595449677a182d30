package org.doseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.springboot.EventProcessorProperties;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The ledger-wide processor defaults, a processor's own override, and {@code ledger.replay-on-start}, on
 * a service started with them.
 */
@TestPropertySource(
        properties = {
            "ledger.projections.segments=2",
            "ledger.projections.batch-size=7",
            "axon.eventhandling.processors.client-timeline.initial-segment-count=3",
            "axon.eventhandling.processors.stock-lots.batch-size=5",
            "ledger.replay-on-start=all"
        })
class ProcessorSettingsEndToEndTest extends EndToEndTest {

    private static final String STOCK = StockLotProjection.PROCESSING_GROUP;
    private static final String TIMELINE = ClientTimelineProjection.PROCESSING_GROUP;
    private static final long SENTINEL_POSITION = -4711;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventProcessorProperties axonProcessors;

    @Test
    void everyPooledProcessorRunsWithTheLedgerDefaultsUnlessItSetsItsOwn() {
        newPractice();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(processor(STOCK).processingStatus()).hasSize(2);
            assertThat(processor(TIMELINE).processingStatus()).hasSize(3);
        });
        assertThat(jdbc.queryForList(
                        "select segment from token_entry where processor_name = ? order by segment",
                        Integer.class,
                        STOCK))
                .containsExactly(0, 1);
        assertThat(axonProcessors.getProcessors().get(STOCK).getBatchSize()).isEqualTo(5);
        assertThat(axonProcessors.getProcessors().get(TIMELINE).getBatchSize()).isEqualTo(7);
        assertThat(axonProcessors.getProcessors().get("practice-registry").getInitialSegmentCount())
                .as("subscribing processors are left alone")
                .isNull();
    }

    @Test
    void replayOnStartResetTheReadModelsBeforeTheProcessorsStarted() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from client_timeline where ledger_position = ?",
                        Long.class,
                        SENTINEL_POSITION))
                .as("the sentinel row written before Axon started was removed by the timeline's reset handler")
                .isZero();
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    /** Writes a row no event produced into the timeline after the migrations, before Axon starts. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Sentinel {

        @Bean
        SmartLifecycle timelineSentinel(DataSource dataSource) {
            return new SmartLifecycle() {
                private boolean running;

                @Override
                public void start() {
                    new JdbcTemplate(dataSource).update("""
                            insert into client_timeline (ledger_position, event_id, practice_id, client_id, event_type,
                                                         occurred_at, recorded_at, details)
                            values (?, 'sentinel', 'sentinel', 'sentinel', 'Sentinel', now(), now(), '{}'::jsonb)
                            """, SENTINEL_POSITION);
                    running = true;
                }

                @Override
                public void stop() {
                    running = false;
                }

                @Override
                public boolean isRunning() {
                    return running;
                }

                @Override
                public int getPhase() {
                    return Integer.MIN_VALUE;
                }
            };
        }
    }
}
