package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.StockFixture;
import org.junit.jupiter.api.BeforeEach;

/** A practice whose queue holds one open exception (an unwitnessed draw), as the console tests start from. */
abstract class ConsoleTest extends EndToEndTest {

    String practice;
    String writer;
    String unwitnessed;

    @BeforeEach
    void aPracticeWithAnOpenException() {
        practice = newPractice();
        writer = issueKey("PRACTICE_WRITER", practice);
        StockFixture stock = new StockFixture(this, http, practice, writer, newClient(practice, writer));
        StockFixture.created(stock.receive("safe-1", "A", 2, "2027-06-30"));
        String drawId = StockFixture.created(stock.draw("safe-1", "A", "1", "rn-1"))
                .get("id")
                .asText();
        unwitnessed = "UNWITNESSED_DRAW:safe-1:" + StockFixture.NDC + ":A:" + drawId;
        long last = StockFixture.created(stock.administer("safe-1", "A", drawId, "1"))
                .get("ledgerPosition")
                .asLong();
        // the pages show what the read model holds: wait until it holds the exception
        Http.Response queue = http.get("/api/practices/" + practice + "/exceptions?atLeastPosition=" + last)
                .key(issueKey("COMPLIANCE_OFFICER", practice))
                .send();
        assertThat(queue.text()).contains(unwitnessed);
    }
}
