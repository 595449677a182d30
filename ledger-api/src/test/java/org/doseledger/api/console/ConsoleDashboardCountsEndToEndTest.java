package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The day's page counts every unresolved exception of the practice, not the first page of them. The rows are
 * put straight into the exceptions read model (a thousand events would take minutes), so this runs in the
 * administrator's context of its own, where no replay test compares that table with its events.
 */
@TestPropertySource(properties = "ledger.test.isolated-context=console-admin")
class ConsoleDashboardCountsEndToEndTest extends EndToEndTest {

    @Test
    void thePageCountsAllOfAPracticesOverdueAndUnacknowledgedExceptions() {
        String practice = newPractice();
        jdbc.update("""
                insert into compliance_exception (practice_id, exception_id, kind, raised_at, due_on, summary,
                    ledger_position)
                select ?, 'late-' || n, 'LATE_ENTRY', now() - interval '40 days', current_date - 10,
                       'recorded late', 9000000000 + n
                from generate_series(1, 1205) n
                """, practice);
        ConsoleClient.Account officer = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn(officer, officer.password(), Instant.now());

        String page = browser.get("/console/practices/" + practice).body();

        assertThat(page)
                .contains("<strong>1205</strong> unresolved exceptions")
                .contains("<strong>1205</strong> past their due date")
                .contains("<strong>1205</strong> not yet acknowledged");
    }
}
