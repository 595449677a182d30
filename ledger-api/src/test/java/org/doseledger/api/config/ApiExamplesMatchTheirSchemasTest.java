package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;

/**
 * Every JSON example of the API document, request and answer, is valid against the schema beside it: a
 * client generated from the document accepts what the examples show, and the examples show what the
 * service takes and gives. Checked with a JSON Schema validator (networknt), OpenAPI 3.0's {@code nullable}
 * read as "or null".
 */
class ApiExamplesMatchTheirSchemasTest extends EndToEndTest {

    /** A number is a JSON number: "1.6" is not one (the validator accepts it otherwise). */
    private static final com.networknt.schema.SchemaValidatorsConfig STRICT =
            com.networknt.schema.SchemaValidatorsConfig.builder()
                    .typeLoose(false)
                    .build();

    @Test
    void everyJsonExampleIsValidAgainstItsSchema() {
        JsonNode document = http.get("/v3/api-docs").key(adminKey).send().json();
        JsonNode components = nullable(document.get("components").deepCopy());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        List<String> invalid = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = ops.next();
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                List<Map.Entry<String, JsonNode>> contents = new ArrayList<>();
                operation
                        .getValue()
                        .path("requestBody")
                        .path("content")
                        .fields()
                        .forEachRemaining(media ->
                                contents.add(Map.entry(where + " request " + media.getKey(), media.getValue())));
                operation
                        .getValue()
                        .path("responses")
                        .fields()
                        .forEachRemaining(answer -> answer.getValue()
                                .path("content")
                                .fields()
                                .forEachRemaining(media -> contents.add(Map.entry(
                                        where + " " + answer.getKey() + " " + media.getKey(), media.getValue()))));
                for (Map.Entry<String, JsonNode> content : contents) {
                    JsonNode schema = content.getValue().get("schema");
                    if (schema == null || !content.getKey().contains("json")) {
                        continue;
                    }
                    ObjectNode rooted = nullable(schema.deepCopy());
                    rooted.set("components", components);
                    var validator = factory.getSchema(rooted, STRICT);
                    for (Iterator<Map.Entry<String, JsonNode>> examples =
                                    content.getValue().path("examples").fields();
                            examples.hasNext(); ) {
                        Map.Entry<String, JsonNode> example = examples.next();
                        checked++;
                        Set<ValidationMessage> errors =
                                validator.validate(example.getValue().get("value"));
                        if (!errors.isEmpty()) {
                            invalid.add(content.getKey() + " example " + example.getKey() + ": " + errors);
                        }
                    }
                }
            }
        }

        assertThat(checked).as("examples checked").isGreaterThan(600);
        assertThat(invalid).isEmpty();
    }

    /** OpenAPI 3.0's {@code nullable: true} as JSON Schema says it: the type, or null. */
    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> T nullable(T node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.fields().forEachRemaining(field -> nullable(field.getValue()));
            if (object.path("nullable").asBoolean() && object.path("type").isTextual()) {
                ArrayNode types = JsonNodeFactory.instance.arrayNode();
                types.add(object.get("type").asText());
                types.add("null");
                object.set("type", types);
            }
        } else if (node.isArray()) {
            node.forEach(ApiExamplesMatchTheirSchemasTest::nullable);
        }
        return node;
    }
}
