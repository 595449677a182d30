package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.doseledger.idp.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Sign-in through an identity provider (OpenID Connect, authorization code with PKCE) against a real
 * authorization server started for the test: the person's role and practices come from the ID token's claims,
 * what they record names them as the API would ({@code jwt:<subject>}), and a token that grants no role signs
 * nobody in.
 */
@TestPropertySource(properties = "ledger.test.isolated-context=console-oidc")
class ConsoleIdentityProviderTest extends ConsoleTest {

    static final AtomicInteger LEDGER_PORT = new AtomicInteger();
    static final TestIdentityProvider PROVIDER = TestIdentityProvider.start(LEDGER_PORT::get);

    @DynamicPropertySource
    static void theProvider(DynamicPropertyRegistry registry) {
        registry.add("ledger.console.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("ledger.console.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("ledger.console.oidc.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add("ledger.console.oidc.name", () -> "Clinic sign-on");
    }

    @AfterAll
    static void stopTheProvider() {
        PROVIDER.close();
    }

    @BeforeEach
    void theLedgersPort() {
        LEDGER_PORT.set(port);
    }

    @Test
    void theSignInPageOffersTheProviderAndItsRequestCarriesAPkceChallenge() {
        ConsoleClient browser = new ConsoleClient(port);

        ConsoleClient.Page login = browser.get("/login");
        ConsoleClient.Page toProvider = browser.get("/oauth2/authorization/idp");

        assertThat(login.body()).contains("Sign in with Clinic sign-on");
        assertThat(toProvider.status()).isEqualTo(302);
        assertThat(toProvider.location())
                .startsWith(PROVIDER.issuer() + "/oauth2/authorize?")
                .contains("client_id=" + TestIdentityProvider.CLIENT_ID)
                .contains("code_challenge=")
                .contains("code_challenge_method=S256")
                .contains("scope=openid%20profile");
    }

    @Test
    void anOfficerSignsInThroughTheProviderAndReviewsUnderTheirProviderIdentity() {
        TestIdentityProvider.add(
                "j.doe",
                new TestIdentityProvider.Person("pw-j.doe", "J. Doe (IdP)", "COMPLIANCE_OFFICER", List.of(practice)));
        try (Chromium browser = Chromium.start(port)) {
            browser.open("/login");
            browser.follow(By.id("provider"));
            browser.find(By.id("username")).sendKeys("j.doe");
            browser.find(By.id("password")).sendKeys("pw-j.doe");
            browser.follow(By.cssSelector("button[type=submit]"));

            assertThat(browser.path()).isEqualTo("/console/practices/" + practice);
            assertThat(browser.text()).contains("J. Doe (IdP)").contains("Needs attention");
            browser.follow(By.linkText("Exceptions"));
            browser.find(By.xpath("//li[@data-exception-id='" + unwitnessed + "']//textarea[contains(@id, 'res-')]"))
                    .sendKeys("resolved after single sign-on");
            browser.follow(By.xpath("//li[@data-exception-id='" + unwitnessed + "']//button[text()='Resolve']"));
            assertThat(browser.find(By.cssSelector("[role=status]")).getText()).startsWith("Resolved");
        }
        Map<String, Object> resolved = jdbc.queryForMap(
                "select convert_from(payload, 'UTF8') as payload, convert_from(meta_data, 'UTF8') as meta"
                        + " from domain_event_entry where payload_type like '%ExceptionResolvedEvent'"
                        + " and convert_from(payload, 'UTF8') like ?",
                "%" + unwitnessed + "%");
        assertThat(resolved.get("payload").toString()).contains("J. Doe (IdP)").contains("resolved after single");
        assertThat(resolved.get("meta").toString()).contains("\"jwt:j.doe\"");
    }

    @Test
    void aPersonWhoseTokenGrantsNoRoleIsNotSignedIn() {
        TestIdentityProvider.add(
                "visitor", new TestIdentityProvider.Person("pw-visitor", "A visitor", null, List.of()));
        try (Chromium browser = Chromium.start(port)) {
            browser.open("/login");
            browser.follow(By.id("provider"));
            browser.find(By.id("username")).sendKeys("visitor");
            browser.find(By.id("password")).sendKeys("pw-visitor");
            browser.follow(By.cssSelector("button[type=submit]"));

            assertThat(browser.path()).isEqualTo("/login?providerError");
            assertThat(browser.text()).contains("grants this console no role");
            browser.open("/console");
            assertThat(browser.path()).isEqualTo("/login");
        }
    }
}
