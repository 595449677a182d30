package org.doseledger.api.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.api.integrity.CheckpointView;
import org.doseledger.api.integrity.SealedCheckpoints;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.api.web.InvalidQueryException;
import org.doseledger.api.write.LedgerWriter;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.export.api.PdmpFileRecord;
import org.doseledger.core.export.api.RecordExportCommand;
import org.doseledger.core.export.api.RequestExportCommand;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.LedgerMetadata;
import org.doseledger.core.shared.OwnerOnlyFiles;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.projections.export.AuditTrailExport;
import org.doseledger.projections.export.ClientRecordExport;
import org.doseledger.projections.export.DispensingRecordExport;
import org.doseledger.projections.export.DosingConsistencyExport;
import org.doseledger.projections.export.ExportQuery;
import org.doseledger.projections.export.ExportType;
import org.doseledger.projections.export.PdmpAsapExport;
import org.doseledger.projections.export.RemsMonitoringExport;
import org.doseledger.projections.export.ReportHeader;
import org.doseledger.projections.stock.AddressText;
import org.doseledger.projections.support.ProjectionPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs regulator exports as background jobs on a bounded pool. A request is a row of {@code export_job}
 * (QUEUED); a worker reads the practice's records as of the last signed checkpoint, once the read models
 * have reached it, writes the bundle under the exports directory, records ExportGenerated in the ledger
 * and marks the job DONE. The row, not memory, is the truth about a job, so a restart shows it: a job
 * whose heartbeat stopped (its node went away) reads as FAILED.
 */
public class ExportJobs {

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
    private static final String COLUMNS = "export_id, practice_id, export_type, parameters::text as parameters,"
            + " requested_by, requested_role, requested_at, status, records_total, records_done, heartbeat_at,"
            + " finished_at, failure, ledger_position, checkpoint_number, bundle_file, bundle_sha256, bundle_bytes,"
            + " requested_position, bundle_in_database";

    private final Map<String, ExportType> types;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate separate;
    private final ProjectionPositions positions;
    private final SealedCheckpoints checkpoints;
    private final CommandGateway commands;
    private final Clock clock;
    private final ExportProperties properties;
    private final Path directory;
    private final ExecutorService executor;
    private final ExportBundleWriter writer;
    private final LedgerWriter ledgerWriter;
    private final ExportBundleStore store;
    private final ObjectMapper json = new ObjectMapper();
    /** Jobs of this node, queued or running: their heartbeat is kept, and requests can wait for them. */
    private final Map<String, Progress> active = new ConcurrentHashMap<>();

    /** A job in this node: known once counted, complete once finished either way. */
    record Progress(CompletableFuture<Long> counted, CompletableFuture<Void> finished) {}

    ExportJobs(
            List<ExportType> types,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ProjectionPositions positions,
            SealedCheckpoints checkpoints,
            CommandGateway commands,
            Clock clock,
            ExportProperties properties,
            LedgerProperties ledger,
            ExecutorService executor,
            ExportBundleWriter writer,
            LedgerWriter ledgerWriter,
            ExportBundleStore store) {
        this.ledgerWriter = ledgerWriter;
        this.store = store;
        this.types = types.stream().collect(Collectors.toMap(ExportType::name, Function.identity()));
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.positions = positions;
        this.checkpoints = checkpoints;
        this.commands = commands;
        this.clock = clock;
        this.properties = properties;
        this.directory = properties.directory() != null
                ? properties.directory()
                : ledger.dataDir().resolve("exports");
        this.executor = executor;
        this.writer = writer;
    }

    void shutdown() {
        executor.shutdownNow();
    }

    /** An export type as a person chooses it: its name, its title, and what it needs besides the period. */
    public record TypeChoice(String name, String title, List<String> requiredParameters) {}

    public List<TypeChoice> typeChoices() {
        return types.values().stream()
                .map(type -> new TypeChoice(type.name(), type.title(), type.requiredParameters()))
                .sorted(java.util.Comparator.comparing(TypeChoice::title))
                .toList();
    }

    public Set<String> typeNames() {
        return types.keySet();
    }

    /**
     * Queues an export; runs inside the request's transaction, and the job starts once it commits. The
     * request is recorded in the ledger (ExportRequestedEvent), and the export holds the ledger as of that
     * event. Refuses an unknown type or period (400) and a ledger with no checkpoint yet (409).
     */
    ExportJobView request(
            String exportId, PracticeId practiceId, ExportRequests.CreateExportRequest request, WriteContext context) {
        ApiCredential by = context.credential();
        if (!types.containsKey(request.type())) {
            throw new InvalidQueryException(
                    "type", "unknown export type " + request.type() + "; one of " + String.join(", ", types.keySet()));
        }
        for (String required : types.get(request.type()).requiredParameters()) {
            if (!request.parameters().containsKey(required)) {
                throw new InvalidQueryException(required, "a " + request.type() + " export needs " + required);
            }
        }
        if (request.to().isBefore(request.from())) {
            throw new InvalidQueryException("to", "to " + request.to() + " is before from " + request.from());
        }
        if (checkpoints.last().isEmpty()) {
            throw new LedgerNotSealedException();
        }
        Instant now = clock.instant();
        long requestedAt = ledgerWriter
                .send(
                        context,
                        new RequestExportCommand(
                                exportId, practiceId, request.type(), request.parameters(), by.id(), now))
                .get(0)
                .ledgerPosition();
        jdbc.update(
                """
                insert into export_job (export_id, practice_id, export_type, parameters, requested_by, requested_role,
                                        requested_at, status, heartbeat_at, requested_position)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, 'QUEUED', ?, ?)
                """,
                exportId,
                practiceId.value(),
                request.type(),
                write(request.parameters()),
                by.id(),
                by.role().name(),
                Timestamp.from(now),
                Timestamp.from(now),
                requestedAt);
        Progress progress = new Progress(new CompletableFuture<>(), new CompletableFuture<>());
        active.put(exportId, progress);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    submit(exportId, progress);
                } else {
                    active.remove(exportId);
                }
            }
        });
        return find(practiceId, exportId);
    }

    private void submit(String exportId, Progress progress) {
        try {
            executor.execute(() -> run(exportId, progress));
        } catch (RejectedExecutionException e) {
            fail(exportId, "refused: " + properties.queueCapacity() + " exports are already waiting");
            finish(exportId, progress);
        }
    }

    /**
     * Waits, up to {@code direct-wait}, for an export of this node that is small (at most
     * {@code direct-limit} records) to finish, so that its request can answer DONE at once.
     */
    void awaitIfSmall(String exportId) {
        Progress progress = active.get(exportId);
        if (progress == null) {
            return;
        }
        long deadline = System.nanoTime() + properties.directWait().toNanos();
        try {
            Long total = progress.counted().get(properties.directWait().toNanos(), TimeUnit.NANOSECONDS);
            if (total == null || total > properties.directLimit()) {
                return;
            }
            progress.finished().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still running: the caller polls its status
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public ExportJobView find(PracticeId practiceId, String exportId) {
        List<ExportJobView> found = jdbc.query(
                "select " + COLUMNS + " from export_job where practice_id = ? and export_id = ?",
                this::view,
                practiceId.value(),
                exportId);
        if (found.isEmpty()) {
            throw new UnknownRecordException("export", exportId);
        }
        return found.get(0);
    }

    public List<ExportJobView> list(PracticeId practiceId) {
        return jdbc.query(
                "select " + COLUMNS + " from export_job where practice_id = ? order by requested_at desc limit 100",
                this::view,
                practiceId.value());
    }

    /** A DONE export's bundle: its file name, its size, and its bytes as a stream. */
    public record Bundle(String fileName, long bytes, java.util.function.Supplier<java.io.InputStream> content) {

        /** The bundle as a download: a zip attachment under its file name, streamed. */
        public org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> download() {
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                    .contentLength(bytes)
                    .header(
                            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                            org.springframework.http.ContentDisposition.attachment()
                                    .filename(fileName)
                                    .build()
                                    .toString())
                    .body(new org.springframework.core.io.InputStreamResource(content.get()));
        }
    }

    /**
     * The bundle of a DONE export, from the database (any replica serves it) or, for a bundle written
     * before bundles were kept there, from the file on the node that wrote it.
     */
    public Bundle bundle(PracticeId practiceId, String exportId) {
        ExportJobView job = find(practiceId, exportId);
        Map<String, Object> stored = jdbc.queryForMap(
                "select bundle_file, bundle_bytes, bundle_in_database from export_job where export_id = ?", exportId);
        String file = (String) stored.get("bundle_file");
        if (job.status().equals("DONE") && file != null) {
            long bytes = ((Number) stored.get("bundle_bytes")).longValue();
            if (Boolean.TRUE.equals(stored.get("bundle_in_database"))) {
                return new Bundle(file, bytes, () -> store.open(exportId));
            }
            Path legacy = directory.resolve(file);
            if (Files.exists(legacy)) {
                return new Bundle(file, bytes, () -> {
                    try {
                        return Files.newInputStream(legacy);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
        throw new ExportNotReadyException(exportId, job.status().equals("DONE") ? "EXPIRED" : job.status());
    }

    private void run(String exportId, Progress progress) {
        try {
            Job job = jdbc.queryForObject(
                    "select " + COLUMNS + " from export_job where export_id = ?", this::job, exportId);
            jdbc.update(
                    "update export_job set status = 'RUNNING', heartbeat_at = ? where export_id = ?",
                    Timestamp.from(clock.instant()),
                    exportId);
            generate(job, progress);
        } catch (Exception e) {
            log.error("Export {} failed", exportId, e);
            fail(exportId, reason(e));
        } finally {
            finish(exportId, progress);
        }
    }

    private void generate(Job job, Progress progress) throws IOException {
        ExportType type = types.get(job.type());
        Registrant registrant = registrant(job.practiceId());
        // the export holds the ledger as of its own request, once a signed checkpoint covers it; a job
        // requested before requests were recorded holds it as of the last checkpoint
        long upTo = job.requestedPosition() != null
                ? job.requestedPosition()
                : checkpoints.last().orElseThrow(LedgerNotSealedException::new).toIndex();
        CheckpointView checkpoint = checkpoints
                .covering(upTo, properties.staleAfter())
                .orElseThrow(() ->
                        new IllegalStateException("no signed checkpoint covered ledger position " + upTo + " in time"));
        for (String processor : type.processors()) {
            if (!positions.awaitPosition(processor, upTo, properties.staleAfter())) {
                throw new IllegalStateException(
                        "the read model " + processor + " did not reach ledger position " + upTo + " in time");
            }
        }
        LocalDate from = LocalDate.parse(job.parameters().get("from"));
        LocalDate to = LocalDate.parse(job.parameters().get("to"));
        ExportQuery query = new ExportQuery(
                job.practiceId(),
                from,
                to,
                job.parameters().get("locationId"),
                job.parameters().get("clientId"),
                job.parameters().get("recordId"),
                registrant.zone(),
                upTo);
        long total = type.count(query);
        jdbc.update(
                "update export_job set records_total = ?, ledger_position = ?, checkpoint_number = ? where export_id = ?",
                total,
                upTo,
                checkpoint.number(),
                job.exportId());
        progress.counted().complete(total);

        Instant generatedAt = clock.instant();
        String generatedBy = job.requestedBy() + " (" + job.requestedRole() + ")";
        List<String> notes = new ArrayList<>();
        notes.add(query.locationId() == null ? "All storage locations" : "Storage location " + query.locationId());
        if (query.clientId() != null) {
            notes.add("Client " + query.clientId());
        }
        if (query.recordId() != null) {
            notes.add("Record " + query.recordId());
        }
        notes.addAll(type.notes(query));
        notes.add("Ledger positions 1 to " + upTo + " (the export's request), sealed by checkpoint "
                + checkpoint.number());
        String period = from + " to " + to + " (" + registrant.zone().getId() + ")";
        ReportHeader header = new ReportHeader(
                type.name(),
                type.title(),
                registrant.name(),
                registrant.address(),
                registrant.deaNumber(),
                period,
                generatedAt,
                generatedBy,
                registrant.zone(),
                notes);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("exportId", job.exportId());
        manifest.put("exportType", type.name());
        manifest.put("title", type.title());
        manifest.put("practiceId", job.practiceId().value());
        manifest.put(
                "registrant",
                Map.of(
                        "name",
                        registrant.name(),
                        "address",
                        registrant.address(),
                        "deaNumber",
                        registrant.deaNumber()));
        manifest.put("parameters", job.parameters());
        manifest.put("period", period);
        manifest.put("zone", registrant.zone().getId());
        manifest.put("generatedAt", generatedAt.toString());
        manifest.put("generatedBy", Map.of("credentialId", job.requestedBy(), "role", job.requestedRole()));
        manifest.put("ledgerRange", Map.of("fromIndex", 1, "toIndex", upTo));
        manifest.put("checkpointNumber", checkpoint.number());
        manifest.put(
                "verify",
                "java -jar dose-ledger.jar verify-bundle <this zip> --public-key " + checkpoint.keyId() + ".pub");

        OwnerOnlyFiles.createDirectories(directory);
        String file = type.name() + "-" + job.exportId() + ".zip";
        Generated generated;
        try {
            // the bundle and, for a PDMP file, the list of its records, read in one snapshot of the database
            generated = snapshot.execute(status -> {
                try {
                    ExportBundleWriter.Written bundle = writer.write(
                            directory.resolve(file),
                            type,
                            query,
                            header,
                            checkpoint,
                            manifest,
                            done -> heartbeat(job.exportId(), done));
                    return new Generated(bundle, type.fileRecords(query));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        ExportBundleWriter.Written written = generated.written();
        try {
            complete(job, type, generated, file, upTo, checkpoint, generatedAt);
        } finally {
            // the bundle is in the database now (or nowhere): no copy stays on this node's disk
            Files.deleteIfExists(directory.resolve(file));
        }
        log.info(
                "Export {} ({}) of {}: {} records, {} bytes, ledger positions 1 to {}",
                job.exportId(),
                type.name(),
                job.practiceId().value(),
                written.records(),
                written.bytes(),
                upTo);
    }

    /**
     * The bundle, the file's records, its ExportGenerated event and the job's DONE in one transaction: a
     * failure leaves none of them.
     */
    private void complete(
            Job job,
            ExportType type,
            Generated generated,
            String file,
            long upTo,
            CheckpointView checkpoint,
            Instant generatedAt) {
        ExportBundleWriter.Written written = generated.written();
        separate.executeWithoutResult(status -> {
            try {
                store.store(job.exportId(), directory.resolve(file));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (generated.pdmpRecords() != null) {
                for (PdmpFileRecord record : generated.pdmpRecords()) {
                    jdbc.update(
                            """
                            insert into pdmp_file_record (export_id, practice_id, dispensing_event_id, status, quantity)
                            values (?, ?, ?, ?, ?) on conflict do nothing
                            """,
                            job.exportId(),
                            job.practiceId().value(),
                            record.dispensingEventId(),
                            record.status(),
                            record.quantity());
                }
            }
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordExportCommand(
                            job.exportId(),
                            job.practiceId(),
                            type.name(),
                            job.parameters(),
                            written.records(),
                            written.files(),
                            written.manifestSha256(),
                            upTo,
                            checkpoint.number(),
                            checkpoint.toIndex(),
                            job.requestedBy(),
                            generatedAt,
                            generated.pdmpRecords()))
                    .andMetaData(Map.of(
                            LedgerMetadata.CREDENTIAL_ID,
                            job.requestedBy(),
                            LedgerMetadata.RECORDED_AT,
                            clock.instant().toString())));
            jdbc.update(
                    """
                    update export_job set status = 'DONE', records_done = ?, finished_at = ?, heartbeat_at = ?,
                                          bundle_file = ?, bundle_sha256 = ?, bundle_bytes = ?,
                                          bundle_in_database = true
                    where export_id = ?
                    """,
                    written.records(),
                    Timestamp.from(clock.instant()),
                    Timestamp.from(clock.instant()),
                    file,
                    written.bundleSha256(),
                    written.bytes(),
                    job.exportId());
        });
    }

    private void heartbeat(String exportId, long done) {
        separate.executeWithoutResult(status -> jdbc.update(
                "update export_job set records_done = ?, heartbeat_at = ? where export_id = ?",
                done,
                Timestamp.from(clock.instant()),
                exportId));
    }

    private void fail(String exportId, String reason) {
        jdbc.update("""
                update export_job set status = 'FAILED', failure = ?, finished_at = ?
                where export_id = ? and status in ('QUEUED', 'RUNNING')
                """, reason, Timestamp.from(clock.instant()), exportId);
    }

    private void finish(String exportId, Progress progress) {
        active.remove(exportId);
        progress.counted().complete(null);
        progress.finished().complete(null);
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Keeps this node's queued and running jobs alive, and reports others whose node went away as FAILED. */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT5S")
    void keepAlive() {
        Timestamp now = Timestamp.from(clock.instant());
        for (String exportId : active.keySet()) {
            jdbc.update("update export_job set heartbeat_at = ? where export_id = ?", now, exportId);
        }
        jdbc.update("""
                update export_job set status = 'FAILED', finished_at = ?,
                       failure = 'interrupted: the node running it stopped or restarted; request it again'
                where status in ('QUEUED', 'RUNNING') and heartbeat_at < ?
                """, now, Timestamp.from(clock.instant().minus(properties.staleAfter())));
    }

    /** Export types whose bundles name clients: their names, addresses, dates of birth or free text. */
    static final List<String> NAMING_CLIENTS = List.of(
            ClientRecordExport.NAME,
            DispensingRecordExport.NAME,
            PdmpAsapExport.NAME,
            RemsMonitoringExport.NAME,
            DosingConsistencyExport.NAME,
            AuditTrailExport.NAME);

    /**
     * Destroys every generated bundle of the practice that may name the client: a shredded client's data
     * must not survive in a file made before. Bundles about another client, and types that name no
     * client, are kept. The jobs read PURGED in this transaction; the files are deleted once it commits
     * (and the job forgets its file only once it is gone). Returns the export ids.
     */
    public List<String> purgeBundlesNaming(ClientRef client) {
        List<Map<String, Object>> bundles = jdbc.queryForList(
                """
                select export_id, bundle_file, bundle_in_database from export_job
                where practice_id = ? and status = 'DONE' and export_type = any (?)
                  and (parameters ->> 'clientId' is null or parameters ->> 'clientId' = ?)
                order by requested_at
                """, client.practiceId().value(), NAMING_CLIENTS.toArray(String[]::new), client.clientId());
        List<String> purged = new ArrayList<>();
        for (Map<String, Object> bundle : bundles) {
            String exportId = (String) bundle.get("export_id");
            jdbc.update("""
                    update export_job set status = 'PURGED',
                           failure = 'purged: it may name client ' || ? || ', whose personal data was shredded'
                    where export_id = ?
                    """, client.clientId(), exportId);
            purged.add(exportId);
            if (Boolean.TRUE.equals(bundle.get("bundle_in_database"))) {
                // gone with the shredding's own transaction, on every replica at once
                store.delete(exportId);
                jdbc.update(
                        "update export_job set bundle_file = null, bundle_in_database = false where export_id = ?",
                        exportId);
                continue;
            }
            String file = (String) bundle.get("bundle_file");
            if (file != null) {
                afterCommit(() -> deleteBundle(exportId, file));
            }
        }
        return purged;
    }

    private void deleteBundle(String exportId, String file) {
        try {
            Files.deleteIfExists(directory.resolve(file));
            jdbc.update("update export_job set bundle_file = null where export_id = ?", exportId);
        } catch (IOException e) {
            log.error("Could not delete the purged bundle of export {}: {}", exportId, e.getMessage());
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** Deletes bundle files older than the retention period; their jobs read EXPIRED. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void expire() {
        Timestamp before = Timestamp.from(clock.instant().minus(properties.retention()));
        List<Map<String, Object>> expired = jdbc.queryForList(
                "select export_id, bundle_file from export_job where status = 'DONE' and finished_at < ?", before);
        for (Map<String, Object> row : expired) {
            try {
                if (row.get("bundle_file") != null) {
                    Files.deleteIfExists(directory.resolve((String) row.get("bundle_file")));
                }
                String exportId = (String) row.get("export_id");
                separate.executeWithoutResult(status -> {
                    store.delete(exportId);
                    jdbc.update("""
                            update export_job set status = 'EXPIRED', bundle_file = null, bundle_in_database = false
                            where export_id = ?
                            """, exportId);
                });
            } catch (IOException e) {
                log.warn("Could not delete the bundle of export {}: {}", row.get("export_id"), e.getMessage());
            }
        }
    }

    private record Registrant(String name, String address, String deaNumber, ZoneId zone) {}

    /** A written bundle and, for a PDMP file, the records it holds. */
    private record Generated(ExportBundleWriter.Written written, List<PdmpFileRecord> pdmpRecords) {}

    private Registrant registrant(PracticeId practiceId) {
        return jdbc.queryForObject(
                "select name, address::text as address, dea_number, time_zone from practice_registry where practice_id = ?",
                (rs, row) -> {
                    try {
                        return new Registrant(
                                rs.getString("name"),
                                AddressText.of(json.readTree(rs.getString("address"))),
                                rs.getString("dea_number"),
                                ZoneId.of(rs.getString("time_zone")));
                    } catch (JsonProcessingException e) {
                        throw new SQLException("unreadable practice address", e);
                    }
                },
                practiceId.value());
    }

    private record Job(
            String exportId,
            PracticeId practiceId,
            String type,
            Map<String, String> parameters,
            String requestedBy,
            String requestedRole,
            Long requestedPosition) {}

    private Job job(ResultSet rs, int row) throws SQLException {
        return new Job(
                rs.getString("export_id"),
                PracticeId.of(rs.getString("practice_id")),
                rs.getString("export_type"),
                parameters(rs),
                rs.getString("requested_by"),
                rs.getString("requested_role"),
                rs.getObject("requested_position", Long.class));
    }

    private ExportJobView view(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        String practiceId = rs.getString("practice_id");
        String exportId = rs.getString("export_id");
        long total = rs.getLong("records_total");
        boolean counted = !rs.wasNull();
        long position = rs.getLong("ledger_position");
        boolean positioned = !rs.wasNull();
        long checkpoint = rs.getLong("checkpoint_number");
        boolean checkpointed = !rs.wasNull();
        long bytes = rs.getLong("bundle_bytes");
        boolean written = !rs.wasNull();
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ExportJobView(
                exportId,
                practiceId,
                rs.getString("export_type"),
                parameters(rs),
                status,
                counted ? total : null,
                rs.getLong("records_done"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("failure"),
                positioned ? position : null,
                checkpointed ? checkpoint : null,
                rs.getString("bundle_sha256"),
                written ? bytes : null,
                status.equals("DONE") ? path(practiceId, exportId) + "/bundle" : null,
                null);
    }

    static String path(String practiceId, String exportId) {
        return "/api/practices/" + practiceId + "/exports/" + exportId;
    }

    private Map<String, String> parameters(ResultSet rs) throws SQLException {
        try {
            return json.readValue(rs.getString("parameters"), new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable export parameters", e);
        }
    }

    private String write(Map<String, String> parameters) {
        try {
            return json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
