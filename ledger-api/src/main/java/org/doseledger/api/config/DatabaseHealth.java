package org.doseledger.api.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, checked every {@code ledger.database-check-interval} (2 s) in the
 * background and reported by the readiness probe ({@code /actuator/health/readiness}): a load balancer
 * stops sending requests while PostgreSQL is down, and resumes when it answers again, without the
 * service restarting. The probe answers at once from the last check, never waiting on a dead server;
 * liveness does not include it (a database outage is no reason to restart the service).
 *
 * <p>The check itself waits at most {@code ledger.database-check-timeout} (2 s) for an answer. Where the network
 * drops packets rather than refusing them (a node cut off from PostgreSQL), a query on a connection opened before
 * the cut would otherwise wait for TCP to give up, a quarter of an hour, and the node would stay ready all along.
 *
 * <p>The check runs on a thread of its own, not on Spring's scheduler: the service's other scheduled tasks (the
 * segment heartbeat, the sealer, the sweeps) share that scheduler's one thread, and one of them waiting on a cut link
 * would stop the check with it.
 */
@Component("database")
class DatabaseHealth implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration timeout;
    private final Duration interval;
    private final AtomicReference<Health> last =
            new AtomicReference<>(Health.unknown().build());
    private ScheduledExecutorService checker;

    DatabaseHealth(
            DataSource dataSource,
            Clock clock,
            @Value("${ledger.database-check-timeout:2s}") Duration timeout,
            @Value("${ledger.database-check-interval:2s}") Duration interval) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.timeout = timeout;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (checker == null) {
            checker = Executors.newSingleThreadScheduledExecutor(work -> {
                Thread thread = new Thread(work, "database-health");
                thread.setDaemon(true);
                return thread;
            });
            checker.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return checker != null;
    }

    void check() {
        Instant at = clock.instant();
        Health previous = last.get();
        Health now;
        try {
            answers();
            now = Health.up().withDetail("checkedAt", at.toString()).build();
        } catch (SQLException | RuntimeException | AssertionError e) {
            // an AssertionError too (a driver run with its assertions on): one thrown out of here would end the
            // checks for good, and the node would keep its last answer
            now = Health.down()
                    .withDetail("checkedAt", at.toString())
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
        if (!now.getStatus().equals(previous.getStatus())) {
            if (now.getStatus().getCode().equals("UP")) {
                log.info("The database answers again; ready");
            } else {
                log.warn("The database does not answer; not ready until it does");
            }
        }
        last.set(now);
    }

    /** A round trip, given up on (and the connection with it) when no answer comes within the timeout. */
    private void answers() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // the pool restores the connection's own network timeout when it takes it back
            connection.setNetworkTimeout(Runnable::run, (int) timeout.toMillis());
            try (Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            }
        }
    }

    @Override
    public Health health() {
        return last.get();
    }
}
