package org.doseledger.api.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a {@code kill -9} of the service, the embedded postmaster it started lives on, holding the
 * data directory's {@code postmaster.pid} and its port. Before starting a new one on the same data
 * directory we stop it (TERM, then KILL); PostgreSQL then recovers the directory from its WAL. Called
 * only by the holder of the directory's {@link DataDirectoryLock}: that lock is how it knows the
 * postmaster's owner is gone rather than still serving.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration GRACE = Duration.ofSeconds(15);

    private OrphanedPostmaster() {}

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
        if (process.isEmpty() || !process.get().isAlive()) {
            log.info("Removing stale {} of a postmaster that is no longer running", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        if (!isPostgres(process.get())) {
            log.warn(
                    "{} names pid {}, which is not a postgres process; removing the stale file", pidFile, lines.get(0));
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn(
                "Stopping orphaned postmaster (pid {}) left on {} by a previous run",
                process.get().pid(),
                dataDirectory);
        process.get().destroy();
        if (!waitForExit(process.get())) {
            log.warn(
                    "Postmaster {} did not stop on TERM; killing it",
                    process.get().pid());
            process.get().destroyForcibly();
            if (!waitForExit(process.get())) {
                throw new IllegalStateException(
                        "Could not stop orphaned postmaster " + process.get().pid() + " holding " + dataDirectory);
            }
        }
    }

    private static Optional<ProcessHandle> parsePid(String line) {
        try {
            return ProcessHandle.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        Optional<String> command = process.info().command();
        if (command.isPresent()) {
            return command.get().contains("postgres");
        }
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return cmdline.contains("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean waitForExit(ProcessHandle process) {
        try {
            process.onExit().get(GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }
}
