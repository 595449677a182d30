package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The readiness check keeps running whatever the service's other scheduled work does. A node cut off from PostgreSQL
 * (packets dropped, not refused) leaves any query in flight waiting for TCP to give up, a quarter of an hour; when
 * that query belonged to another scheduled task (the segment heartbeat, the sealer) and the check shared its thread,
 * the node stayed ready for the whole cut.
 */
class DatabaseHealthTest {

    @Test
    void keepsCheckingWhileAnotherScheduledTaskHangsOnTheDatabase() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HangingTask.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.main.banner-mode=off",
                        "ledger.database-check-interval=50ms",
                        "ledger.database-check-timeout=1s")
                .run()) {
            HangingTask task = context.getBean(HangingTask.class);
            DatabaseHealth health = context.getBean(DatabaseHealth.class);
            try {
                await().atMost(Duration.ofSeconds(10)).untilTrue(task.hanging);
                int checksWhenItHung = task.connectionsAsked.get();
                await().atMost(Duration.ofSeconds(10)).until(() -> task.connectionsAsked.get() >= checksWhenItHung + 3);
                assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            } finally {
                task.release.countDown();
            }
        }
    }

    @Test
    void aCheckThatFailsWithAnErrorIsDownAndTheChecksGoOn() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HangingTask.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "ledger.database-check-interval=50ms")
                .run()) {
            HangingTask task = context.getBean(HangingTask.class);
            task.release.countDown();
            task.failWith.set(new AssertionError("a driver assertion"));
            DatabaseHealth health = context.getBean(DatabaseHealth.class);
            int before = task.connectionsAsked.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> task.connectionsAsked.get() >= before + 3);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void stopsCheckingWhenTheServiceStops() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HangingTask.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "ledger.database-check-interval=50ms")
                .run();
        HangingTask task = context.getBean(HangingTask.class);
        task.release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> task.connectionsAsked.get() >= 2);
        context.close();
        int afterClose = task.connectionsAsked.get();
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> task.connectionsAsked.get() <= afterClose + 1);
    }

    /** Spring's scheduler, one thread as Spring Boot's default, and a task on it that never comes back. */
    @Configuration
    @EnableScheduling
    @Import(DatabaseHealth.class)
    static class HangingTask {

        final AtomicBoolean hanging = new AtomicBoolean();
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger connectionsAsked = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<Error> failWith =
                new java.util.concurrent.atomic.AtomicReference<>();

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        DataSource dataSource() {
            return new AbstractDataSource() {
                @Override
                public Connection getConnection() throws SQLException {
                    connectionsAsked.incrementAndGet();
                    if (failWith.get() != null) {
                        throw failWith.get();
                    }
                    throw new SQLException("the database does not answer", "08006");
                }

                @Override
                public Connection getConnection(String username, String password) throws SQLException {
                    return getConnection();
                }
            };
        }

        @Scheduled(initialDelay = 0, fixedDelay = 60_000)
        void queryOnALinkThatDropsPackets() throws InterruptedException {
            hanging.set(true);
            release.await();
        }
    }
}
