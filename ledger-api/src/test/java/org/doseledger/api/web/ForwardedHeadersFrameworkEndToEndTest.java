package org.doseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code server.forward-headers-strategy=framework}: Spring's ForwardedHeaderFilter applies X-Forwarded-* (and
 * RFC 7239 Forwarded) from any sender, so it is for a service that nothing but the proxy can reach.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class ForwardedHeadersFrameworkEndToEndTest extends EndToEndTest {

    @Test
    void theApiDocumentNamesTheUrlTheClientUsedAndTheAnswerCarriesHsts() {
        Http.Response response = ForwardedHeaders.apiDocumentThroughAProxy(http);

        assertThat(ForwardedHeaders.serverUrl(response)).isEqualTo(ForwardedHeaders.PUBLIC_URL);
        assertThat(response.header("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age=31536000"));
    }
}
