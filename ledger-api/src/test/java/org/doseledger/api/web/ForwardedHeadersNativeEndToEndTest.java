package org.doseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a proxy, as the deployments run it ({@code server.forward-headers-strategy=native}: Tomcat believes
 * X-Forwarded-* from private and loopback addresses only): the API document names the public URL, and responses
 * carry HSTS because the client's connection was HTTPS.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class ForwardedHeadersNativeEndToEndTest extends EndToEndTest {

    @Test
    void theApiDocumentNamesTheUrlTheClientUsedAndTheAnswerCarriesHsts() {
        Http.Response response = ForwardedHeaders.apiDocumentThroughAProxy(http);

        assertThat(ForwardedHeaders.serverUrl(response)).isEqualTo(ForwardedHeaders.PUBLIC_URL);
        assertThat(response.header("Strict-Transport-Security"))
                .hasValueSatisfying(
                        hsts -> assertThat(hsts).startsWith("max-age=31536000").contains("includeSubDomains"));
    }

    @Test
    void aRequestThatDidNotComeThroughTheProxyOverHttpsGetsNoHsts() {
        Http.Response response = http.get("/v3/api-docs").send();

        assertThat(ForwardedHeaders.serverUrl(response)).isEqualTo("http://localhost:" + port);
        assertThat(response.header("Strict-Transport-Security")).isEmpty();
    }
}
