package org.doseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;

/** Without a forwarded-headers strategy (the default), X-Forwarded-* from a client change nothing. */
class ForwardedHeadersIgnoredByDefaultEndToEndTest extends EndToEndTest {

    @Test
    void forwardedHeadersAreIgnoredUnlessAStrategyIsSet() {
        Http.Response response = ForwardedHeaders.apiDocumentThroughAProxy(http);

        assertThat(ForwardedHeaders.serverUrl(response)).isEqualTo("http://localhost:" + port);
        assertThat(response.header("Strict-Transport-Security")).isEmpty();
    }
}
