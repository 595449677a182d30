package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An identity provider that cannot be reached when someone signs in: the console says so on the sign-in page
 * (its own accounts still work) instead of answering 500.
 */
@TestPropertySource(properties = "ledger.test.isolated-context=console-oidc-down")
class ConsoleProviderUnreachableTest extends EndToEndTest {

    @DynamicPropertySource
    static void aProviderNobodyAnswersFor(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int port = closed;
        registry.add("ledger.console.oidc.issuer-uri", () -> "http://127.0.0.1:" + port + "/idp");
        registry.add("ledger.console.oidc.client-id", () -> "dose-ledger");
        registry.add("ledger.console.oidc.name", () -> "Clinic sign-on");
    }

    @Test
    void signingInThroughAProviderThatIsDownSaysSoAndTheConsoleAccountsStillWork() {
        ConsoleClient browser = new ConsoleClient(port);

        ConsoleClient.Page login = browser.get("/login");
        ConsoleClient.Page toProvider = browser.get("/oauth2/authorization/idp");

        assertThat(login.body()).contains("Sign in with Clinic sign-on");
        assertThat(toProvider.status()).isEqualTo(302);
        assertThat(toProvider.location()).endsWith("/login?providerUnreachable");
        assertThat(browser.get("/login?providerUnreachable").body())
                .contains("Clinic sign-on cannot be reached just now");

        ConsoleClient.Account admin = ConsoleClient.open(http, adminKey, "ADMIN", null);
        ConsoleClient local = new ConsoleClient(port);
        assertThat(local.signIn(admin, admin.password(), java.time.Instant.now())
                        .location())
                .endsWith("/console");
    }
}
