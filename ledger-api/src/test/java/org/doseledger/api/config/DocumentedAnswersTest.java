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
        // the answers every operation shares are still added after the documented ones
        assertThat(receive.at("/responses/401/content/application~1problem+json/examples/UNAUTHENTICATED")
                        .isObject())
                .isTrue();
    }
}
