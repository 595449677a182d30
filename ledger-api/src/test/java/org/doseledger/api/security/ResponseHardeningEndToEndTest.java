package org.doseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Every answer tells a browser to render, frame, sniff and cache nothing; other origins are refused. */
class ResponseHardeningEndToEndTest extends EndToEndTest {

    @Test
    void answersCarryTheSecurityHeaders() {
        String practice = newPractice();

        for (Http.Response response : List.of(
                http.get("/api/practices/" + practice).key(adminKey).send(),
                http.get("/api/practices/" + practice).send())) {
            assertThat(response.header("Content-Security-Policy"))
                    .contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.header("X-Frame-Options")).contains("DENY");
            assertThat(response.header("Referrer-Policy")).contains("no-referrer");
            assertThat(response.header("Cache-Control"))
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        }
    }

    @Test
    void swaggerUiMayRunItsOwnScriptsAndNothingElse() {
        Http.Response page = http.get("/swagger-ui/index.html").send();
        Http.Response initializer =
                http.get("/swagger-ui/swagger-initializer.js").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(initializer.status()).isEqualTo(200);
        assertThat(page.text()).as("no inline script the policy would block").doesNotContain("<script>");
        for (Http.Response response : List.of(page, initializer)) {
            assertThat(response.raw().headers().allValues("Content-Security-Policy"))
                    .containsExactly(SecurityConfiguration.SWAGGER_UI_CONTENT_SECURITY_POLICY);
        }
        assertThat(http.get("/v3/api-docs").send().raw().headers().allValues("Content-Security-Policy"))
                .containsExactly(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @Test
    void aBrowserOfAnotherOriginIsNotLetIn() {
        Http.Response preflight = http.options("/api/admin/api-keys")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .send();
        Http.Response call = http.get("/api/admin/api-keys")
                .key(adminKey)
                .header("Origin", "https://evil.example")
                .send();

        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(call.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void listedOriginsAreLetIn() {
        var source = SecurityConfiguration.corsSource(new CorsProperties(List.of("https://console.clinic.example")));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/practices/p-1/audit-trail");
        request.addHeader("Origin", "https://console.clinic.example");

        var configuration = source.getCorsConfiguration(request);

        assertThat(configuration).isNotNull();
        assertThat(configuration.checkOrigin("https://console.clinic.example"))
                .isEqualTo("https://console.clinic.example");
        assertThat(configuration.checkOrigin("https://evil.example")).isNull();
        assertThat(SecurityConfiguration.corsSource(new CorsProperties(null)).getCorsConfiguration(request))
                .isNull();
    }
}
