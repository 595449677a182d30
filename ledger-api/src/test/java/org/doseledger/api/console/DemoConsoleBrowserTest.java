package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.doseledger.api.generator.DemoLoader;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/**
 * The {@code --demo} practice through the demo officer's eyes, in Chromium: every page opens on two months of
 * real-looking records and passes axe-core. Its screenshots are the ones in docs/console.md.
 */
@TestPropertySource(properties = "ledger.demo=true")
class DemoConsoleBrowserTest extends EndToEndTest {

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
    void theDemoOfficerOpensEveryPageOfTheDemoPractice() throws Exception {
        Path file = properties.dataDir().resolve("demo-console-account");
        Map<String, String> account = Files.readAllLines(file).stream()
                .filter(line -> line.contains("=") && !line.startsWith("#"))
                .collect(Collectors.toMap(
                        line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1)));
        // the demo's own history is recorded as it starts: the pages show it once the read models hold it
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        String officerKey = Files.readString(properties.dataDir().resolve("demo-compliance-officer-key"))
                .trim();
        for (String read :
                List.of("/inventory", "/audit-trail", "/exceptions", "/dosing-consistency", "/clients/c-1/timeline")) {
            assertThat(http.get("/api/practices/demo-1" + read + "?atLeastPosition=" + head)
                            .key(officerKey)
                            .send()
                            .status())
                    .as(read)
                    .isEqualTo(200);
        }

        // the demo account signs in in more than one test of this context: its code of this step may be spent
        jdbc.update("update console_account set last_totp_step = 0 where username = ?", DemoLoader.DEMO_OFFICER);
        browser.signIn(new ConsoleClient.Account(
                account.get("username"),
                account.get("password"),
                Totp.fromBase32(account.get("totp-secret")),
                null,
                null));

        assertThat(browser.path()).isEqualTo("/console/practices/demo-1");
        page("demo-today", "Needs attention");
        open("Exceptions", "demo-exceptions", "most urgent first");
        open("Inventory", "demo-inventory", "By substance");
        browser.follow(By.cssSelector("main table tbody tr td a"));
        page("demo-lot", "Movements");
        browser.open("/console/practices/demo-1/clients/c-1");
        page("demo-client-timeline", "DoseAdministered");
        browser.follow(By.linkText("Doses as charts"));
        assertThat(browser.findAll(By.cssSelector(".chart canvas"))).isNotEmpty();
        page("demo-client-doses", "Dose in mg");
        open("Dosing", "demo-dosing", "Whole practice");
        open("On a date", "demo-accountability", "As known now");
        open("Audit trail", "demo-audit-trail", "DoseDrawn");
        open("Exports", "demo-exports", "Request an export");
        open("Access log", "demo-access-log", "GET /console/practices/{practiceId}");
        browser.open("/console/practices/demo-1/counts/new");
        page("demo-count", "Take an inventory");

        // a tablet in portrait: every page fits the width, wide tables scroll inside themselves
        browser.resize(768, 1024);
        for (String path : List.of(
                "",
                "/exceptions",
                "/inventory",
                "/counts/new",
                "/accountability",
                "/dosing",
                "/clients/c-1",
                "/clients/c-1/doses",
                "/audit-trail",
                "/exports",
                "/access-log")) {
            browser.open("/console/practices/demo-1" + path);
            assertThat(browser.overflowsSideways())
                    .as("sideways scrolling at 768 px on " + path)
                    .isFalse();
        }
        browser.screenshot("demo-tablet-today");
    }

    private void open(String link, String name, String expected) {
        browser.follow(By.linkText(link));
        page(name, expected);
    }

    private void page(String name, String expected) {
        assertThat(browser.text()).as(name).contains(expected);
        browser.screenshot(name);
        assertThat(browser.accessibilityViolations()).as("axe-core on " + name).isEmpty();
    }
}
