package org.doseledger.api.export;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.api.integrity.LedgerEvidence;
import org.doseledger.api.integrity.SealedCheckpoints;
import org.doseledger.projections.export.AuditTrailExport;
import org.doseledger.projections.export.ClientRecordExport;
import org.doseledger.projections.export.DispensingRecordExport;
import org.doseledger.projections.export.DosingConsistencyExport;
import org.doseledger.projections.export.ExportType;
import org.doseledger.projections.export.Form106WorksheetExport;
import org.doseledger.projections.export.Form41WorksheetExport;
import org.doseledger.projections.export.InventorySheetExport;
import org.doseledger.projections.export.PdmpAsapExport;
import org.doseledger.projections.export.ReceiptsLogExport;
import org.doseledger.projections.export.RemsMonitoringExport;
import org.doseledger.projections.export.ReportFormat;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.doseledger.projections.stock.StockRecordsExport;
import org.doseledger.projections.support.ProjectionPositions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Regulator exports: the queries they stream, the bounded pool they run on, and the job service. */
@Configuration
@Import({
    AuditTrailExport.class,
    ClientRecordExport.class,
    DispensingRecordExport.class,
    DosingConsistencyExport.class,
    Form106WorksheetExport.class,
    Form41WorksheetExport.class,
    InventorySheetExport.class,
    ReceiptsLogExport.class,
    RemsMonitoringExport.class
})
class ExportConfiguration {

    @Bean
    PdmpAsapExport pdmpAsapExport(JdbcTemplate jdbc, ClientDataKeys keys, PdmpProperties properties, Clock clock) {
        return new PdmpAsapExport(jdbc, keys, properties.settings(), clock);
    }

    @Bean
    StockRecordsExport stockRecordsExport(DataSource dataSource) {
        return new StockRecordsExport(dataSource);
    }

    private static ExecutorService exportExecutor(ExportProperties properties) {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(
                properties.threads(),
                properties.threads(),
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                runnable -> {
                    Thread thread = new Thread(runnable, "export-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Bean(destroyMethod = "shutdown")
    ExportJobs exportJobs(
            List<ExportType> types,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ProjectionPositions positions,
            SealedCheckpoints checkpoints,
            CommandGateway commands,
            Clock clock,
            ExportProperties properties,
            LedgerProperties ledger,
            LedgerEvidence evidence,
            org.doseledger.api.write.LedgerWriter ledgerWriter,
            ExportBundleStore store) {
        return new ExportJobs(
                types,
                jdbc,
                transactions,
                positions,
                checkpoints,
                commands,
                clock,
                properties,
                ledger,
                exportExecutor(properties),
                new ExportBundleWriter(ReportFormat.all(), ExportEvidence.of(evidence)),
                ledgerWriter,
                store);
    }
}
