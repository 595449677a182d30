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
 *       would promise clients far more than the service accepts.
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
                    if (operation.getResponses() != null) {
                        operation.getResponses().forEach(DocumentContract::problemAnswer);
                    }
                }
            }
        }
        if (document.getComponents().getSchemas() != null) {
            document.getComponents().getSchemas().values().forEach(DocumentContract::anchor);
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
