package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.NodeJs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API document as the service serves it passes both linters with the rule sets in docs/api-lint:
 * spectral's OpenAPI rules and redocly's recommended rules, with no error and no warning except those a
 * rule set turns off with its reason. The linters are the versions pinned in docs/api-lint/package-lock.json,
 * installed with npm into target/api-lint. Without Node.js the test is skipped, except under CI
 * ({@code CI=true}), where it fails.
 */
class ApiDocumentLintTest extends EndToEndTest {

    private static final Path RULES =
            Path.of("..", "docs", "api-lint").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "api-lint").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path document;

    @BeforeEach
    void linters() throws Exception {
        NodeJs.requireOrSkip("lint the API document");
        NodeJs.install(RULES, WORK, "spectral", "redocly");
        document = WORK.resolve("api-docs.json");
        Files.writeString(
                document, http.get("/v3/api-docs").key(adminKey).send().text());
    }

    @Test
    void spectralsOpenApiRulesFindNothing() throws Exception {
        JsonNode results = lint(
                "spectral", List.of("--ruleset", RULES.resolve(".spectral.yaml").toString(), "--quiet"), '[');
        List<String> problems = new ArrayList<>();
        results.forEach(result -> problems.add(result.path("code").asText() + " (severity "
                + result.path("severity").asInt() + ") at " + result.path("path") + ": "
                + result.path("message").asText()));
        assertThat(problems)
                .as("spectral:oas errors, warnings, infos and hints")
                .isEmpty();
    }

    @Test
    void redoclysRecommendedRulesFindNothing() throws Exception {
        JsonNode report = lint(
                "redocly", List.of("--config", RULES.resolve("redocly.yaml").toString()), '{');
        List<String> problems = new ArrayList<>();
        report.path("problems")
                .forEach(problem -> problems.add(problem.path("ruleId").asText() + " ("
                        + problem.path("severity").asText() + "): "
                        + problem.path("message").asText()));
        assertThat(problems).as("redocly recommended errors and warnings").isEmpty();
        assertThat(report.path("totals").path("errors").asInt()).isZero();
        assertThat(report.path("totals").path("warnings").asInt()).isZero();
    }

    /** Runs a linter's {@code lint} on the document with JSON output and returns its report. */
    private JsonNode lint(String linter, List<String> options, char opening) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(WORK.resolve("node_modules/.bin").resolve(linter).toString());
        command.add("lint");
        command.addAll(options);
        command.addAll(List.of("--format", "json", document.toString()));
        NodeJs.Run run = NodeJs.run(WORK, command, 5);
        return JSON.readTree(jsonIn(run.output(), opening));
    }

    /** The JSON report in a linter's output, which may carry lines of its own before it. */
    private static String jsonIn(String output, char opening) {
        int start = output.indexOf(opening);
        assertThat(start).as("a JSON report in:%n%s", output).isNotNegative();
        return output.substring(start);
    }
}
