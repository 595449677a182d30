package org.doseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.api.support.Http;

/**
 * A request as a TLS-terminating proxy passes it on: the client asked for https://ledger.example.org, the proxy
 * reached the service over plain HTTP and said so in X-Forwarded-* headers.
 */
final class ForwardedHeaders {

    static final String PUBLIC_URL = "https://ledger.example.org";

    private ForwardedHeaders() {}

    static Http.Response apiDocumentThroughAProxy(Http http) {
        Http.Response response = http.get("/v3/api-docs")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "ledger.example.org")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.7")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    static String serverUrl(Http.Response apiDocument) {
        return apiDocument.json().get("servers").get(0).get("url").asText();
    }
}
