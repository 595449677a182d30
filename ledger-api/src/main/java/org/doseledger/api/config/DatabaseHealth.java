package org.doseledger.api.config;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, checked every {@code ledger.database-check-interval} (2 s) in the
 * background and reported by the readiness probe ({@code /actuator/health/readiness}): a load balancer
 * stops sending requests while PostgreSQL is down, and resumes when it answers again, without the
 * service restarting. The probe answers at once from the last check, never waiting on a dead server;
 * liveness does not include it (a database outage is no reason to restart the service).
 */
@Component("database")
class DatabaseHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicReference<Health> last =
            new AtomicReference<>(Health.unknown().build());

    DatabaseHealth(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${ledger.database-check-interval:2s}")
    void check() {
        Instant at = clock.instant();
        Health previous = last.get();
        Health now;
        try {
            jdbc.queryForObject("select 1", Integer.class);
            now = Health.up().withDetail("checkedAt", at.toString()).build();
        } catch (RuntimeException e) {
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

    @Override
    public Health health() {
        return last.get();
    }
}
