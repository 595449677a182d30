package org.doseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.Http;
import org.doseledger.api.support.TestTokens;
import org.doseledger.core.apikey.api.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The role matrix of docs/security.md is what the service enforces. Every operation of the OpenAPI
 * document must have a row there and declare the same roles; then every operation is called with an API
 * key and a token of every role (its own practice: allowed or 403) and of another practice (404, as if
 * the practice did not exist). A new endpoint without a declared rule, or without a row, fails here.
 *
 * <p>Allowed calls do run: with empty bodies most stop at validation, but an ADMIN's replay or
 * verification really starts, so this test has a service and database of its own.
 */
@TestPropertySource(properties = "ledger.test.isolated-context=role-matrix")
class RoleMatrixEndToEndTest extends EndToEndTest {

    private static final Path MATRIX = Path.of("..", "docs", "security.md");
    private static final Pattern ROW = Pattern.compile(
            "^\\| `(GET|POST|PUT|PATCH|DELETE) (/api/[^`]+)` \\|\\s*(yes|no)\\s*\\|\\s*(yes|no)\\s*\\|\\s*(yes|no)\\s*\\|\\s*(yes|no)\\s*\\|$");
    private static final List<Role> COLUMNS =
            List.of(Role.PRACTICE_WRITER, Role.COMPLIANCE_OFFICER, Role.REGULATOR, Role.ADMIN);

    @Test
    void everyEndpointIsInTheDocumentedMatrixAndDeclaresTheSameRoles() throws IOException {
        Map<String, Set<Role>> documented = documentedMatrix();
        Map<String, Set<Role>> declared = declaredMatrix();

        assertThat(declared.keySet())
                .as("operations without a row in docs/security.md; the rows as declared now:%n%s", table(declared))
                .containsExactlyInAnyOrderElementsOf(documented.keySet());
        declared.forEach((operation, roles) -> assertThat(roles)
                .as("roles of %s (docs/security.md)", operation)
                .isEqualTo(documented.get(operation)));
    }

    @Test
    void everyEndpointAdmitsExactlyItsRolesAndHidesOtherPractices() {
        String practice = newPractice();
        String other = newPractice();
        Map<Role, List<String>> own = credentials(practice);
        Map<Role, List<String>> foreign = credentials(other);
        List<String> wrong = new ArrayList<>();

        declaredMatrix().forEach((operation, allowed) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String path = template.replace("{practiceId}", practice).replaceAll("\\{[^}]+}", "x-1");
            for (Role role : Role.values()) {
                for (String credential : own.get(role)) {
                    Http.Response response = call(method, path, credential);
                    boolean denied = response.status() == 403 || response.status() == 401 || hidden(response);
                    if (allowed.contains(role) == denied) {
                        wrong.add(operation + " as " + role + " (" + kind(credential) + "): " + response);
                    }
                }
                if (template.contains("{practiceId}") && role != Role.ADMIN) {
                    for (String credential : foreign.get(role)) {
                        Http.Response response = call(method, path, credential);
                        if (!hidden(response)) {
                            wrong.add(operation + " as " + role + " of another practice (" + kind(credential) + "): "
                                    + response);
                        }
                    }
                }
            }
        });

        assertThat(wrong).as("calls answered against the matrix").isEmpty();
    }

    private Map<Role, List<String>> credentials(String practice) {
        Map<Role, List<String>> credentials = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String scope = role == Role.ADMIN ? null : practice;
            String key = role == Role.ADMIN ? adminKey : issueKey(role.name(), scope);
            Object claim = role == Role.REGULATOR ? List.of(practice) : scope;
            credentials.put(
                    role, List.of(key, TestTokens.of("matrix-" + role.name().toLowerCase(), role.name(), claim)));
        }
        return credentials;
    }

    private Http.Response call(String method, String path, String credential) {
        Http.Request request = switch (method) {
            case "GET" -> http.get(path);
            case "POST" -> http.post(path).idempotencyKey(unique("matrix")).body("{}");
            default -> throw new IllegalStateException("no calls of " + method + " yet: " + path);
        };
        return request.key(credential).send();
    }

    private static boolean hidden(Http.Response response) {
        return response.status() == 404 && response.text().contains("\"PRACTICE_NOT_FOUND\"");
    }

    private static String kind(String credential) {
        return credential.startsWith("dlk.") ? "API key" : "token";
    }

    private Map<String, Set<Role>> declaredMatrix() {
        JsonNode paths = http.get("/v3/api-docs").send().json().get("paths");
        Map<String, Set<Role>> matrix = new TreeMap<>();
        paths.fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    String name = operation.getKey().toUpperCase() + " " + path.getKey();
                    if (!path.getKey().startsWith("/api/")) {
                        return;
                    }
                    JsonNode roles = operation.getValue().get("x-allowed-roles");
                    if (roles == null || roles.isEmpty()) {
                        fail(name + " declares no @AllowedRoles");
                    }
                    Set<Role> allowed = new TreeSet<>();
                    roles.forEach(role -> allowed.add(Role.valueOf(role.asText())));
                    matrix.put(name, allowed);
                }));
        return matrix;
    }

    private static Map<String, Set<Role>> documentedMatrix() throws IOException {
        Map<String, Set<Role>> matrix = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MATRIX)) {
            Matcher row = ROW.matcher(line.trim());
            if (row.matches()) {
                Set<Role> allowed = new TreeSet<>();
                for (int column = 0; column < COLUMNS.size(); column++) {
                    if (row.group(3 + column).equals("yes")) {
                        allowed.add(COLUMNS.get(column));
                    }
                }
                matrix.put(row.group(1) + " " + row.group(2), allowed);
            }
        }
        assertThat(matrix).as("role matrix rows in " + MATRIX).isNotEmpty();
        return matrix;
    }

    private static String table(Map<String, Set<Role>> matrix) {
        return matrix.entrySet().stream()
                .map(entry -> "| `" + entry.getKey() + "` | "
                        + COLUMNS.stream()
                                .map(role -> entry.getValue().contains(role) ? "yes" : "no")
                                .collect(Collectors.joining(" | "))
                        + " |")
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
