package org.doseledger.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What the API document promises about every operation, applied to the whole document once it is built:
 *
 * <ul>
 *   <li>every error answer (4xx, 5xx) is an RFC 9457 problem document, {@code application/problem+json}
 *       with the {@value #PROBLEM} schema;
 *   <li>every pattern is anchored ({@code ^(?:...)$}): the service matches the whole value (Java's
 *       {@code matches}), while a JSON Schema pattern matches anywhere in it, so an unanchored pattern
 *       would promise clients far more than the service accepts;
 *   <li>the answers every operation may give whatever it does: 429 (rate limits, with Retry-After), 406
 *       (an Accept header the operation cannot answer), and 415 for operations that take a body;
 *   <li>the headers the service sends: X-Request-Id on every answer, Location on 201, Retry-After on 429
 *       and 503, Idempotent-Replayed on the answers of writes (those taking an Idempotency-Key).
 * </ul>
 */
final class DocumentContract implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public void customise(OpenAPI document) {
        document.getComponents().addSchemas(PROBLEM, problemSchema());
        if (document.getPaths() != null) {
            for (PathItem path : document.getPaths().values()) {
                anchor(path.getParameters());
                for (Operation operation : path.readOperations()) {
                    anchor(operation.getParameters());
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        operation.getRequestBody().getContent().values().forEach(media -> anchor(media.getSchema()));
                    }
                    sharedAnswers(operation);
                    if (operation.getResponses() != null) {
                        operation.getResponses().forEach(DocumentContract::problemAnswer);
                        boolean write = operation.getParameters() != null
                                && operation.getParameters().stream()
                                        .anyMatch(parameter -> "Idempotency-Key".equals(parameter.getName()));
                        operation.getResponses().forEach((status, answer) -> headers(status, answer, write));
                    }
                }
            }
        }
        if (document.getComponents().getSchemas() != null) {
            document.getComponents().getSchemas().values().forEach(DocumentContract::anchor);
        }
    }

    private static void sharedAnswers(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new io.swagger.v3.oas.models.responses.ApiResponses());
        }
        var answers = operation.getResponses();
        answers.putIfAbsent(
                "429",
                answer(
                        "Too many requests from this credential, or too many failed credentials from this address;"
                                + " retry after Retry-After seconds",
                        429,
                        "RATE_LIMITED",
                        "Too many requests",
                        "Rate limit exceeded; retry after Retry-After seconds"));
        answers.putIfAbsent(
                "406",
                answer(
                        "The Accept header names no media type this operation answers with",
                        406,
                        "NOT_ACCEPTABLE",
                        "Not acceptable",
                        "No acceptable representation"));
        if (operation.getRequestBody() != null) {
            answers.putIfAbsent(
                    "415",
                    answer(
                            "The body is not of a media type this operation takes (application/json)",
                            415,
                            "UNSUPPORTED_MEDIA_TYPE",
                            "Unsupported media type",
                            "Content-Type 'text/plain' is not supported"));
        }
    }

    private static ApiResponse answer(String description, int status, String code, String title, String detail) {
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put(
                "type",
                "https://doseledger.org/problems/"
                        + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("code", code);
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType()
                                        .addExamples(
                                                code, new io.swagger.v3.oas.models.examples.Example().value(example))));
    }

    private static void headers(String status, ApiResponse answer, boolean write) {
        header(
                answer,
                "X-Request-Id",
                "The request's id: the caller's X-Request-Id when it sent a sane one, else a new one");
        if (status.equals("201")) {
            header(answer, "Location", "The created resource, where it has one");
        }
        if (status.equals("429") || status.equals("503")) {
            header(answer, "Retry-After", "Seconds to wait before retrying");
        }
        if (write) {
            header(
                    answer,
                    "Idempotent-Replayed",
                    "true when this answer is the stored answer to an earlier request with the same Idempotency-Key");
        }
    }

    private static void header(ApiResponse answer, String name, String description) {
        if (answer.getHeaders() == null || !answer.getHeaders().containsKey(name)) {
            answer.addHeaderObject(
                    name,
                    new io.swagger.v3.oas.models.headers.Header()
                            .description(description)
                            .schema(new StringSchema()));
        }
    }

    private static void problemAnswer(String status, ApiResponse answer) {
        if (!(status.startsWith("4") || status.startsWith("5"))) {
            return;
        }
        Content content = answer.getContent() == null ? new Content() : answer.getContent();
        MediaType problem = content.getOrDefault(PROBLEM_JSON, new MediaType());
        problem.setSchema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        // an error is never the success body's type: only the problem document is documented
        Content only = new Content();
        only.addMediaType(PROBLEM_JSON, problem);
        answer.setContent(only);
    }

    private static Schema<?> problemSchema() {
        ObjectSchema field = new ObjectSchema();
        field.addProperty("field", new StringSchema().description("The request field, as a JSON path"));
        field.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem document. Clients branch on `code`, which is stable; `title` and"
                + " `detail` are for people.");
        problem.addProperty(
                "type", new StringSchema().format("uri").description("https://doseledger.org/problems/<code>"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema().description("The HTTP status"));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty(
                "instance", new StringSchema().format("uri-reference").description("The request path"));
        problem.addProperty(
                "code", new StringSchema().description("Stable machine-readable code, e.g. VALIDATION_FAILED"));
        problem.addProperty("requestId", new StringSchema().description("As in the X-Request-Id header"));
        problem.addProperty(
                "traceId", new StringSchema().description("The caller's W3C trace id, when it sent a traceparent"));
        problem.addProperty(
                "errors",
                new ArraySchema().items(field).description("VALIDATION_FAILED: each field and what is wrong with it"));
        problem.addProperty(
                "failedItem", new IntegerSchema().description("A batch: the index of the item that was refused"));
        problem.addProperty("item", new ObjectSchema().description("A batch: the refused item's own problem"));
        problem.addProperty(
                "maxItems", new IntegerSchema().description("BATCH_TOO_LARGE: the most items a batch may hold"));
        problem.required(List.of("type", "title", "status", "code"));
        return problem;
    }

    private static void anchor(List<Parameter> parameters) {
        if (parameters != null) {
            parameters.forEach(parameter -> anchor(parameter.getSchema()));
        }
    }

    private static void anchor(Schema<?> schema) {
        anchor(schema, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void anchor(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(child -> anchor(child, seen));
        }
        anchor(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            anchor(additional, seen);
        }
        for (List<Schema> composed : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (composed != null) {
                composed.forEach(child -> anchor(child, seen));
            }
        }
    }
}
