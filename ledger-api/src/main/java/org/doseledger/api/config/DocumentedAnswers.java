package org.doseledger.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.method.HandlerMethod;

/**
 * The API document's answers and examples, kept as data beside the code rather than as annotations on
 * it: {@code openapi/answers/<Controller>.json} holds, per handler method, the examples of its request
 * body and each answer it documents (status, description, media types and their examples). The controller
 * keeps only what the code decides, the schema of a successful answer; this fills in the rest before the
 * answers every operation shares (401, 403, 503) are added.
 *
 * <p>An answer's body type is named in the file ({@code "schema": "WriteReceipt"}) when it is one of the
 * {@link #SCHEMAS}, the types many operations answer with; another is declared on the method.
 *
 * <p>A file names each operation by its handler method ({@code "receive": {...}}), so a renamed method
 * whose answers are not moved along fails {@link #check} at start-up instead of losing its documentation.
 */
final class DocumentedAnswers implements OperationCustomizer {

    static final String LOCATION = "classpath*:openapi/answers/*.json";

    /** Body types the files may name; their schemas are added to the document's components. */
    static final java.util.Map<String, Class<?>> SCHEMAS =
            java.util.Map.of("WriteReceipt", org.doseledger.api.write.WriteReceipt.class);

    /** Adds the schemas of {@link #SCHEMAS} that no operation's code declared. */
    static org.springdoc.core.customizers.OpenApiCustomizer namedSchemas() {
        return document -> SCHEMAS.values()
                .forEach(type -> io.swagger.v3.core.converter.ModelConverters.getInstance()
                        .readAll(type)
                        .forEach((name, schema) -> {
                            if (document.getComponents().getSchemas() == null
                                    || !document.getComponents().getSchemas().containsKey(name)) {
                                document.getComponents().addSchemas(name, schema);
                            }
                        }));
    }

    private final Map<String, JsonNode> byHandler;

    private DocumentedAnswers(Map<String, JsonNode> byHandler) {
        this.byHandler = byHandler;
    }

    /** Reads every answers file on the class path. */
    static DocumentedAnswers load() {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> byHandler = new HashMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String controller = file.getFilename().replaceFirst("\\.json$", "");
                try (InputStream in = file.getInputStream()) {
                    json.readTree(in)
                            .fields()
                            .forEachRemaining(operation ->
                                    byHandler.put(controller + "." + operation.getKey(), operation.getValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the API document's answers cannot be read", e);
        }
        return new DocumentedAnswers(byHandler);
    }

    /** Handler names (Controller.method) the files document, for checking them against the handlers. */
    java.util.Set<String> documentedHandlers() {
        return byHandler.keySet();
    }

    static String handlerName(HandlerMethod handler) {
        return handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        JsonNode documented = byHandler.get(handlerName(handler));
        if (documented == null) {
            return operation;
        }
        JsonNode body = documented.path("requestBody");
        if (body.isObject() && operation.getRequestBody() != null) {
            RequestBody requestBody = operation.getRequestBody();
            if (requestBody.getContent() == null) {
                requestBody.setContent(new Content());
            }
            body.fields()
                    .forEachRemaining(media -> addExamples(
                            requestBody.getContent().computeIfAbsent(media.getKey(), type -> new MediaType()),
                            media.getValue()));
        }
        JsonNode answers = documented.path("responses");
        if (answers.isObject()) {
            // the documented answers replace what was inferred from the method's signature
            ApiResponses inferred = operation.getResponses();
            ApiResponse inferredSuccess = inferred == null
                    ? null
                    : inferred.entrySet().stream()
                            .filter(answer -> answer.getKey().startsWith("2"))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(null);
            ApiResponses responses = new ApiResponses();
            answers.fields().forEachRemaining(answer -> {
                ApiResponse response =
                        inferred != null && inferred.containsKey(answer.getKey()) && isFromCode(answer.getValue())
                                ? inferred.get(answer.getKey())
                                : new ApiResponse();
                response.setDescription(answer.getValue().path("description").asText());
                JsonNode contents = answer.getValue().path("content");
                if (contents.size() == 0 && answer.getKey().startsWith("2")) {
                    // a success documented without a body type: the body is what the method returns
                    ApiResponse same = inferred != null && inferred.containsKey(answer.getKey())
                            ? inferred.get(answer.getKey())
                            : inferredSuccess;
                    if (same != null) {
                        response.setContent(same.getContent());
                    }
                }
                if (contents.size() > 0 && response.getContent() == null) {
                    response.setContent(new Content());
                }
                contents.fields().forEachRemaining(media -> {
                    MediaType type = response.getContent().computeIfAbsent(media.getKey(), key -> new MediaType());
                    if (media.getValue().path("schema").isTextual()) {
                        type.setSchema(new io.swagger.v3.oas.models.media.Schema<>()
                                .$ref("#/components/schemas/"
                                        + media.getValue().get("schema").asText()));
                    }
                    addExamples(type, media.getValue().path("examples"));
                });
                responses.addApiResponse(answer.getKey(), response);
            });
            operation.setResponses(responses);
        }
        return operation;
    }

    /** Whether the code declares this answer itself (with the schema of its body). */
    private static boolean isFromCode(JsonNode answer) {
        Iterator<JsonNode> media = answer.path("content").elements();
        while (media.hasNext()) {
            if (media.next().has("schemaDeclaredOnMethod")) {
                return true;
            }
        }
        return false;
    }

    private static void addExamples(MediaType media, JsonNode examples) {
        examples.fields().forEachRemaining(example -> {
            JsonNode value = example.getValue();
            Example documented = new Example()
                    .summary(value.hasNonNull("summary") ? value.get("summary").asText() : null)
                    // as springdoc documents an annotated example: its name as its description
                    .description(
                            value.hasNonNull("description")
                                    ? value.get("description").asText()
                                    : example.getKey())
                    .value(value.get("value").isTextual() ? value.get("value").asText() : value.get("value"));
            media.addExamples(example.getKey(), documented);
        });
    }
}
