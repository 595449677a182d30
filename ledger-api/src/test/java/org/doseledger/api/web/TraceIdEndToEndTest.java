package org.doseledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;

/** A caller's W3C trace context reaches every problem document, beside the request id. */
class TraceIdEndToEndTest extends EndToEndTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aProblemCarriesTheTraceIdOfTheCallersTraceContext() {
        Http.Response notFound = http.get("/api/practices/" + unique("nowhere"))
                .key(adminKey)
                .header("traceparent", TRACEPARENT)
                .send();
        Http.Response unauthenticated = http.get("/api/practices")
                .key("not-a-key")
                .header("traceparent", TRACEPARENT)
                .send();

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(notFound.json().get("requestId").asText()).isNotBlank();
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.json().get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        // a path no endpoint serves: the error controller writes the problem
        Http.Response noSuchPath = http.get("/no-such-path")
                .key(adminKey)
                .header("traceparent", TRACEPARENT)
                .send();
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.json().get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void anInvalidTraceContextIsIgnored() {
        Http.Response notFound = http.get("/api/practices/" + unique("nowhere"))
                .key(adminKey)
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .send();

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().has("traceId")).isFalse();
        assertThat(RequestIdFilter.traceId("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isNull();
        assertThat(RequestIdFilter.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
                .isNull();
    }
}
