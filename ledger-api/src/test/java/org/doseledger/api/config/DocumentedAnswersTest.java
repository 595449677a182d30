package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The answers kept as data document real handlers, and reach the API document. */
class DocumentedAnswersTest extends EndToEndTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyDocumentedHandlerExistsSoNoAnswerIsSilentlyLost() {
        Set<String> handlers = new TreeSet<>();
        for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
            handlers.add(DocumentedAnswers.handlerName(handler));
        }

        assertThat(DocumentedAnswers.load().documentedHandlers()).isNotEmpty().isSubsetOf(handlers);
    }

    @Test
    void operationIdsAreUniqueAndNeverASchemasName() {
        JsonNode document = http.get("/v3/api-docs").key(adminKey).send().json();
        Set<String> schemas = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        document.get("components").get("schemas").fieldNames().forEachRemaining(schemas::add);
        Set<String> ids = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        int operations = 0;
        for (JsonNode path : document.get("paths")) {
            for (JsonNode operation : path) {
                operations++;
                String id = operation.get("operationId").asText();
                assertThat(id).as("no scan-order number").doesNotContain("_");
                assertThat(ids.add(id)).as(id + " is unique").isTrue();
                assertThat(schemas).as(id + " names no schema").doesNotContain(id);
            }
        }
        assertThat(ids).hasSize(operations).contains("stockReceive", "clientRegister", "auditTrailEntries");
    }

    @Test
    void everyErrorAnswerIsAProblemDocumentAndEveryPatternIsAnchored() {
        JsonNode document = http.get("/v3/api-docs").key(adminKey).send().json();
        int errors = 0;
        for (JsonNode path : document.get("paths")) {
            for (JsonNode operation : path) {
                var answers = operation.get("responses").fields();
                while (answers.hasNext()) {
                    var answer = answers.next();
                    if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                        errors++;
                        JsonNode content = answer.getValue().get("content");
                        assertThat(content.size()).isEqualTo(1);
                        assertThat(content.at("/application~1problem+json/schema/$ref")
                                        .asText())
                                .isEqualTo("#/components/schemas/Problem");
                    }
                }
            }
        }
        assertThat(errors).isGreaterThan(200);
        assertThat(document.at("/components/schemas/Problem/required").toString())
                .contains("code");
        assertThat(document.at("/components/schemas/CreateExportRequest/properties/type/enum")
                        .toString())
                .contains("dispensing-record", "pdmp-asap", "client-record");
        java.util.List<String> patterns = new java.util.ArrayList<>();
        collectPatterns(document, patterns);
        for (String pattern : patterns) {
            assertThat(pattern).startsWith("^(?:").endsWith(")$");
            // clients validate with ECMAScript regular expressions in unicode mode, where a brace that
            // opens or closes no quantifier is an error, not a literal
            assertThat(strayBrace(pattern)).as(pattern).isNegative();
        }
        assertThat(patterns.size()).isGreaterThan(100);
    }

    private static void collectPatterns(JsonNode node, java.util.List<String> patterns) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("pattern") && field.getValue().isTextual()) {
                    patterns.add(field.getValue().asText());
                } else {
                    collectPatterns(field.getValue(), patterns);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectPatterns(child, patterns));
        }
    }

    /** The index of a brace outside a character class that is neither escaped nor part of {n}, {n,} or {n,m}. */
    static int strayBrace(String pattern) {
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '{') {
                java.util.regex.Matcher quantifier = java.util.regex.Pattern.compile("\\{[0-9]+(,[0-9]*)?}")
                        .matcher(pattern)
                        .region(i, pattern.length());
                if (!quantifier.lookingAt()) {
                    return i;
                }
                i = quantifier.end() - 1;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aBraceThatIsNoQuantifierIsFoundAndAnEscapedOneIsNot() {
        assertThat(strayBrace("^(?:a|\\{item:[0-9]{1,4}})$")).isEqualTo(23);
        assertThat(strayBrace("^(?:a|\\{item:[0-9]{1,4}\\})$")).isNegative();
        assertThat(strayBrace("^(?:[{}]x{2,})$")).isNegative();
    }

    @Test
    void theDocumentDeclaresTheBearerSchemeAndTheIdentityProvider() {
        JsonNode schemes = http.get("/v3/api-docs").key(adminKey).send().json().at("/components/securitySchemes");

        assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.at("/openIdConnect/openIdConnectUrl").asText())
                .isEqualTo(org.doseledger.api.support.TestTokens.ISSUER.replaceFirst("/$", "")
                        + "/.well-known/openid-configuration");
        assertThat(schemes.has("apiKey")).isFalse();
    }

    @Test
    void theDocumentCarriesTheAnswersAndExamplesOfTheFiles() {
        JsonNode receive = http.get("/v3/api-docs")
                .key(adminKey)
                .send()
                .json()
                .get("paths")
                .get("/api/practices/{practiceId}/stock/lots/{locationId}/{ndc}/{lotNumber}/receipts")
                .get("post");

        assertThat(receive.at("/requestBody/content/application~1json/examples/fiveVials/value/containers")
                        .asInt())
                .isEqualTo(5);
        assertThat(receive.at("/responses/201/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/WriteReceipt");
        assertThat(receive.at("/responses/201/content/application~1json/examples/received/value/id")
                        .isTextual())
                .isTrue();
        assertThat(receive.at(
                                "/responses/409/content/application~1problem+json/examples/LOT_EXPIRY_MISMATCH/value/code")
                        .asText())
                .isEqualTo("LOT_EXPIRY_MISMATCH");
        assertThat(receive.at("/responses/201/headers/Location").isObject()).isTrue();
        assertThat(receive.at("/responses/201/headers/Idempotent-Replayed").isObject())
                .isTrue();
        assertThat(receive.at("/responses/409/headers/X-Request-Id").isObject()).isTrue();
        assertThat(receive.at("/responses/429/headers/Retry-After").isObject()).isTrue();
        assertThat(receive.at(
                                "/responses/415/content/application~1problem+json/examples/UNSUPPORTED_MEDIA_TYPE/value/code")
                        .asText())
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(receive.at("/responses/406").isObject()).isTrue();
        // the answers every operation shares are still added after the documented ones
        assertThat(receive.at("/responses/401/content/application~1problem+json/examples/UNAUTHENTICATED")
                        .isObject())
                .isTrue();
    }
}
