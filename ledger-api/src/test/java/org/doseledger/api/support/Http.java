package org.doseledger.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client for end-to-end tests: raw bodies and headers, answers parsed as JSON. */
public class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public Http(int port) {
        this("localhost", port);
    }

    /** A client of the service at this host: an IP literal such as {@code 127.0.0.1} or {@code [::1]} picks the
     * address the requests come from. */
    public Http(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    public Request post(String path) {
        return new Request("POST", path);
    }

    public Request get(String path) {
        return new Request("GET", path);
    }

    public Request options(String path) {
        return new Request("OPTIONS", path);
    }

    public final class Request {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private java.time.Duration timeout;

        Request(String method, String path) {
            this.method = method;
            this.path = path;
            if (method.equals("POST")) {
                headers.put("Content-Type", "application/json");
            }
        }

        public Request key(String apiKey) {
            return header("Authorization", "Bearer " + apiKey);
        }

        public Request idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        public Request header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        /** Gives up after this long (an {@link java.io.UncheckedIOException}), instead of waiting for ever. */
        public Request timeout(java.time.Duration limit) {
            this.timeout = limit;
            return this;
        }

        public Request body(String json) {
            this.body = json;
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(builder::header);
            if (timeout != null) {
                builder.timeout(timeout);
            }
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String text() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status() + "): " + raw.body(), e);
            }
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status() + " " + raw.body();
        }
    }
}
