package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Each person's main path through the console in a real browser, every page checked with axe-core (no
 * serious or critical violation) and kept as a screenshot.
 */
class ConsoleBrowserTest extends ConsoleTest {

    Chromium browser;

    @BeforeEach
    void startTheBrowser() {
        browser = Chromium.start(port);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOfficerSignsInSeesTheDayAndWorksAnExceptionToResolution() {
        ConsoleClient.Account officer = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);

        browser.open("/");
        assertThat(browser.path()).isEqualTo("/login");
        assertAccessible("sign-in");
        browser.signIn(officer);

        assertThat(browser.path()).isEqualTo("/console/practices/" + practice);
        assertThat(browser.text())
                .contains("Needs attention")
                .contains("UNWITNESSED_DRAW")
                .contains("Integrity");
        assertAccessible("today");

        browser.follow(By.linkText("Exceptions"));
        assertThat(browser.text()).contains("UNWITNESSED_DRAW");
        assertAccessible("exceptions");
        browser.find(inTheDraw("textarea[contains(@id, 'ack-')]")).sendKeys("asked rn-1 who witnessed the draw");
        browser.follow(inTheDraw("button[text()='Acknowledge']"));
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).startsWith("Acknowledged");
        assertThat(browser.find(By.xpath("//li[@data-exception-id='" + unwitnessed + "']"))
                        .getText())
                .contains("ACKNOWLEDGED")
                .contains("asked rn-1 who witnessed the draw");

        browser.find(inTheDraw("textarea[contains(@id, 'res-')]"))
                .sendKeys("rn-2 witnessed; the paper log is countersigned");
        browser.follow(inTheDraw("button[text()='Resolve']"));
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).startsWith("Resolved");
        assertThat(browser.findAll(By.xpath("//li[@data-exception-id='" + unwitnessed + "']")))
                .isEmpty();
        new Select(browser.find(By.id("status"))).selectByValue("RESOLVED");
        browser.follow(By.xpath("//button[text()='Show']"));
        assertThat(browser.text()).contains("rn-2 witnessed; the paper log is countersigned");
        assertAccessible("exceptions-resolved");

        browser.follow(By.xpath("//button[text()='Sign out']"));
        assertThat(browser.path()).isEqualTo("/login?signedOut");
    }

    @Test
    void anOfficerAsksWhatWasHeldOnADateFollowsAClientAndDownloadsAnAuditSearch() throws Exception {
        ConsoleClient.Account officer = ConsoleClient.open(http, adminKey, "COMPLIANCE_OFFICER", practice);
        browser.signIn(officer);

        browser.follow(By.linkText("Inventory"));
        assertThat(browser.text()).contains("Location safe-1").contains("KETAMINE");
        assertAccessible("inventory");
        browser.follow(By.partialLinkText("Take an inventory"));
        new Select(browser.find(By.id("kind"))).selectByValue("ROUTINE");
        new Select(browser.find(By.id("countedBy"))).selectByValue("rn-1");
        new Select(browser.find(By.id("witnessedBy"))).selectByValue("rn-2");
        browser.find(By.id("unopened-0")).sendKeys("1");
        browser.find(By.id("opened-0")).sendKeys("9");
        assertAccessible("count");
        browser.follow(By.xpath("//button[text()='Record the inventory']"));
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("every lot matches its balance");
        browser.follow(By.linkText("A"));
        assertThat(browser.text()).contains("RECEIVED").contains("DRAWN");
        assertAccessible("lot");
        browser.follow(By.linkText(client));
        assertThat(browser.text()).contains("ConsentSigned").contains("DoseAdministered");
        assertAccessible("client-timeline");

        browser.follow(By.linkText("Doses as charts"));
        // the mg, interval and waste charts; no weight is on record, so no mg/kg chart
        assertThat(browser.findAll(By.cssSelector(".chart canvas"))).hasSize(3);
        assertAccessible("client-doses");
        browser.follow(By.linkText("Dosing"));
        assertThat(browser.text()).contains("Whole practice");
        assertThat(browser.findAll(By.cssSelector("svg.boxplot rect.box"))).isNotEmpty();
        assertAccessible("dosing");

        browser.follow(By.linkText("On a date"));
        browser.follow(By.xpath("//button[text()='Answer']"));
        assertThat(browser.path()).contains("/accountability?date=");
        // yesterday, before the practice's first receipt
        assertThat(browser.text()).contains("What did we hold on").contains("No lot had an entry by then");
        assertAccessible("accountability");

        browser.follow(By.linkText("Audit trail"));
        browser.find(By.id("eventType")).sendKeys("DoseDrawn");
        browser.follow(By.xpath("//button[text()='Search']"));
        assertThat(browser.text()).contains("DoseDrawn").doesNotContain("StockReceived");
        assertAccessible("audit-trail");
        browser.find(By.id("csv")).click();
        Path csv = browser.downloads().resolve("audit-trail-" + practice + ".csv");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Files.exists(csv) && Files.size(csv) > 0);
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("ledgerPosition,eventId,eventType");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains(",DoseDrawn,");

        browser.follow(By.linkText("Access log"));
        assertAccessible("access-log");
    }

    @Test
    void aRegulatorRequestsAnExportDownloadsItAndSeesItVerified() throws Exception {
        long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> {
                    adminAction("/api/admin/ledger/checkpoints");
                    Long sealed = jdbc.queryForObject("select max(to_index) from ledger_checkpoint", Long.class);
                    return sealed != null && sealed >= last;
                });
        ConsoleClient.Account regulator = ConsoleClient.open(http, adminKey, "REGULATOR", practice);
        browser.signIn(regulator);
        browser.open("/console/practices/" + practice + "/exports");
        assertAccessible("exports");

        new Select(browser.find(By.id("type"))).selectByValue("dispensing-record");
        browser.follow(By.xpath("//button[text()='Request']"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> {
                    browser.open(browser.path());
                    return browser.find(By.id("status")).getText().equals("DONE");
                });
        browser.follow(By.id("verify"));
        assertThat(browser.find(By.id("verdict")).getText()).startsWith("Verified");
        assertAccessible("export-verified");
        browser.find(By.id("download")).click();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> {
                    try (var files = Files.list(browser.downloads())) {
                        return files.anyMatch(file -> file.toString().endsWith(".zip"));
                    }
                });
    }

    @Test
    void aRegulatorReadsTheGrantedPracticeAndIsRefusedAnother() {
        String other = newPractice();
        ConsoleClient.Account regulator = ConsoleClient.open(http, adminKey, "REGULATOR", practice);

        browser.signIn(regulator);
        assertThat(browser.path()).isEqualTo("/console");
        assertAccessible("regulator-practices");
        browser.follow(By.partialLinkText("Springfield"));
        assertThat(browser.path()).isEqualTo("/console/practices/" + practice);
        browser.follow(By.linkText("Exceptions"));
        assertThat(browser.text()).contains("UNWITNESSED_DRAW");
        assertThat(browser.findAll(By.xpath("//button[text()='Acknowledge']"))).isEmpty();

        browser.open("/console/practices/" + other);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertAccessible("not-found");
    }

    /** An element inside the unwitnessed draw's entry of the queue. */
    private By inTheDraw(String xpath) {
        return By.xpath("//li[@data-exception-id='" + unwitnessed + "']//" + xpath);
    }

    private void assertAccessible(String page) {
        browser.screenshot(page);
        assertThat(browser.accessibilityViolations()).as("axe-core on " + page).isEmpty();
    }
}
