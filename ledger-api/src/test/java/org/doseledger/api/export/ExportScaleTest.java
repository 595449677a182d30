package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.doseledger.api.integrity.CheckpointView;
import org.doseledger.api.support.LedgerApiTest;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.projections.export.DispensingRecordExport;
import org.doseledger.projections.export.ExportQuery;
import org.doseledger.projections.export.ReportFormat;
import org.doseledger.projections.export.ReportHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An export of many doses (100,000 by default) streams with flat memory. Run on demand with a small heap
 * (docs/benchmarks.md): {@code mvn -B -q -pl ledger-api verify -Dtest=ExportScaleTest -Dexport.scale=100000
 * -DargLine=-Xmx256m -Dit.test=none}. Rows go straight into the stock read model (generate_series), so the
 * measurement is the export's, not the write path's.
 */
@LedgerApiTest
// rows written straight into read-model tables, with no events behind them, at fixed positions: a database
// of their own, so that replay tests of the shared ledger and the other golden tests do not meet them
@TestPropertySource(properties = "ledger.test.isolated-context=export-scale")
@EnabledIfSystemProperty(named = "export.scale", matches = "\\d+")
class ExportScaleTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DispensingRecordExport dispensingRecord;

    @Test
    void aHundredThousandDosesExportWithFlatMemory() throws IOException {
        int doses = Integer.getInteger("export.scale");
        long base = 8_000_000_000L;
        jdbc.update("""
                insert into stock_movement (ledger_position, event_id, practice_id, location_id, ndc, lot_number,
                    movement, quantity, milligrams, balance_change, draw_id, client_id, actor, late_entry, occurred_at,
                    recorded_at, details)
                select ? + n, 'scale-' || n, 'scale-clinic', 'safe-1', '42023-0113-10', 'K' || (n / 5000),
                       'ADMINISTERED', 1.5, 75.0, 0, 'draw-' || n, 'client-' || (n % 500), 'rn-' || (n % 4), false,
                       timestamptz '2024-07-01 14:00:00+00' + n * interval '7 minutes',
                       timestamptz '2024-07-01 14:00:30+00' + n * interval '7 minutes',
                       jsonb_build_object('route', 'IM', 'sessionId', 's-' || n, 'drawId', 'draw-' || n,
                                          'quantity', jsonb_build_object('amount', 1.5, 'unit', 'ML'))
                from generate_series(1, ?) n
                """, base, doses);
        ZoneId zone = ZoneId.of("America/Chicago");
        ExportQuery query = new ExportQuery(
                PracticeId.of("scale-clinic"),
                LocalDate.parse("2024-06-01"),
                LocalDate.parse("2026-12-31"),
                null,
                null,
                null,
                zone,
                base + doses);
        ReportHeader header = new ReportHeader(
                "dispensing-record",
                "Dispensing and administration record",
                "Scale Clinic",
                "1 Main St",
                "BS1234563",
                "2024-06-01 to 2026-12-31",
                Instant.now(),
                "scale",
                zone,
                List.of());
        CheckpointView checkpoint =
                new CheckpointView(1, 1, base + doses, doses, "00", "00", Instant.now(), "scale", "00", "00");
        Path bundle = Files.createTempDirectory("scale").resolve("bundle.zip");
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();

        ExportBundleWriter.Written written = transactions.execute(status -> {
            try {
                return new ExportBundleWriter(ReportFormat.all(), new ReportsOnly())
                        .write(bundle, dispensingRecord, query, header, checkpoint, Map.of(), done -> {});
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak =
                heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf(
                "export of %d doses: %d ms, bundle %d bytes, peak heap %d MiB of max %d MiB%n",
                written.records(), millis, written.bytes(), peak >> 20, max >> 20);
        assertThat(written.records()).isEqualTo(doses);
        assertThat(peak).isLessThan(max);
    }

    /**
     * The rows here are made in the read model alone, with no events behind them: the bundle gets no evidence,
     * so this measures the reports (docs/benchmarks.md says so).
     */
    private static final class ReportsOnly implements ExportEvidence {
        @Override
        public org.doseledger.api.integrity.LedgerEvidence.TreeNote covering(long position) {
            return new org.doseledger.api.integrity.LedgerEvidence.TreeNote(0, "");
        }

        @Override
        public long write(
                java.util.Collection<Long> positions,
                boolean wholeStreams,
                String practiceId,
                long upTo,
                long treeSize,
                java.io.OutputStream events,
                java.io.OutputStream proofs) {
            return 0;
        }

        @Override
        public String signManifest(String exportId, String manifestSha256) {
            return "";
        }

        @Override
        public long writeConsistency(String practiceId, long treeSize, java.io.OutputStream out) {
            return 0;
        }
    }
}
