package org.doseledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;

/**
 * A person's browser as far as HTTP goes: one session cookie, redirects not followed, forms posted with the
 * page's CSRF token. The cookie is kept by hand because it is Secure, which Java's cookie store withholds
 * from plain http.
 */
final class ConsoleClient {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** An account as the admin endpoint opened it, with what signing in needs. */
    record Account(String username, String password, byte[] totpSecret, String keyId, JsonNode created) {

        String code(Instant at) {
            return Totp.code(totpSecret, at);
        }
    }

    record Page(int status, String body, HttpResponse<String> raw) {

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        String location() {
            return header("Location").orElse("");
        }

        String csrf() {
            Matcher matcher = CSRF.matcher(body);
            assertThat(matcher.find()).as("a CSRF token in " + body).isTrue();
            return matcher.group(1);
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;

    ConsoleClient(int port) {
        this.base = "http://localhost:" + port;
    }

    static Account open(Http http, String adminKey, String role, String practiceId) {
        String username = EndToEndTest.unique("person").toLowerCase();
        String practice = practiceId == null ? "" : ",\"practiceId\":\"" + practiceId + "\"";
        Http.Response response = http.post("/api/admin/console-accounts")
                .key(adminKey)
                .idempotencyKey(EndToEndTest.unique("idem"))
                .body("{\"username\":\"" + username + "\",\"name\":\"" + "Pat " + username + ", " + role
                        + "\",\"role\":\"" + role + "\"" + practice + "}")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode created = response.json();
        return new Account(
                username,
                created.get("initialPassword").asText(),
                Totp.fromBase32(created.get("totpSecret").asText()),
                created.get("keyId").asText(),
                created);
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in with the code of the step {@code at} falls in; the answer is the redirect. */
    Page signIn(Account account, String password, Instant at) {
        return signIn(account.username(), password, account.code(at));
    }

    Page signIn(String username, String password, String code) {
        String csrf = get("/login").csrf();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("code", code);
        form.put("_csrf", csrf);
        return post("/login", form);
    }

    String sessionCookie() {
        return session;
    }

    private Page send(HttpRequest.Builder request) {
        if (session != null) {
            request.header("Cookie", session);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith(ConsoleSecurityConfiguration.SESSION_COOKIE + "="))
                    .findFirst()
                    .ifPresent(cookie -> session = cookie.substring(0, cookie.indexOf(';')));
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
