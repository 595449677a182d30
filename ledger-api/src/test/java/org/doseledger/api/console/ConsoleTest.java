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
    String client;
    StockFixture stock;

    @BeforeEach
    void aPracticeWithAnOpenException() {
        practice = newPractice();
        writer = issueKey("PRACTICE_WRITER", practice);
        client = newClient(practice, writer);
        stock = new StockFixture(this, http, practice, writer, client);
        StockFixture.created(stock.receive("safe-1", "A", 2, "2027-06-30"));
        String drawId = StockFixture.created(stock.draw("safe-1", "A", "1", "rn-1"))
                .get("id")
                .asText();
        unwitnessed = "UNWITNESSED_DRAW:safe-1:" + StockFixture.NDC + ":A:" + drawId;
        long last = StockFixture.created(stock.administer("safe-1", "A", drawId, "1"))
                .get("ledgerPosition")
                .asLong();
        // the pages show what the read models hold: wait until they hold all of this
        String officerKey = issueKey("COMPLIANCE_OFFICER", practice);
        Http.Response queue = http.get("/api/practices/" + practice + "/exceptions?atLeastPosition=" + last)
                .key(officerKey)
                .send();
        assertThat(queue.text()).contains(unwitnessed);
        for (String read :
                new String[] {"/inventory", "/audit-trail", "/clients/" + client + "/timeline", "/dosing-consistency"
                }) {
            Http.Response caughtUp = http.get("/api/practices/" + practice + read + "?atLeastPosition=" + last)
                    .key(officerKey)
                    .send();
            assertThat(caughtUp.status()).as(read + ": " + caughtUp).isEqualTo(200);
        }
    }
}
