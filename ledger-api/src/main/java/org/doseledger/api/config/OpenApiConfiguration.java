package org.doseledger.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.doseledger.api.access.ReadsClientData;
import org.doseledger.api.error.ProblemResponses;
import org.doseledger.api.security.AllowedRoles;
import org.doseledger.api.security.DeclaredRoles;
import org.doseledger.api.web.AdminActionRequest;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.apikey.api.Role;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WriteContext.class);
    }

    /** The bearer scheme: an API key or an identity provider's access token, both sent the same way. */
    static final String BEARER = "bearer";

    /** Where an identity provider is configured, its OpenID Connect discovery document. */
    static final String OPEN_ID_CONNECT = "openIdConnect";

    @Bean
    OpenAPI ledgerOpenApi(org.doseledger.api.security.JwtProperties jwt) {
        OpenAPI document = new OpenAPI()
                .info(new Info()
                        .title("Dose Ledger API")
                        .version("v1")
                        .description("Event-sourced audit ledger for controlled substances in ketamine-assisted"
                                + " psychotherapy practices. Errors are RFC 9457 problem documents with a stable"
                                + " 'code'."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key ('Authorization: Bearer dlk.<id>.<secret>') or, where"
                                                + " ledger.security.jwt configures an identity provider, its"
                                                + " access token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
        if (jwt.issuerUri() != null) {
            String issuer = jwt.issuerUri().toString().replaceFirst("/$", "");
            document.getComponents()
                    .addSecuritySchemes(
                            OPEN_ID_CONNECT,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.OPENIDCONNECT)
                                    .openIdConnectUrl(issuer + "/.well-known/openid-configuration")
                                    .description("The identity provider whose access tokens the ledger accepts (sent"
                                            + " as bearer tokens; roles and practice from the "
                                            + jwt.roleClaim() + " and " + jwt.practiceClaim() + " claims)"));
            document.addSecurityItem(new SecurityRequirement().addList(OPEN_ID_CONNECT));
        }
        return document;
    }

    /**
     * Every endpoint behind a key answers 401 without a valid one and, unless every role may call it, 403
     * to a key whose role may not; both are documented here once rather than on each endpoint. The roles
     * themselves are listed in the operation's {@code x-allowed-roles}.
     */
    /** The OpenAPI extension that lists the roles an operation admits. */
    static final String ALLOWED_ROLES_EXTENSION = "x-allowed-roles";

    /** Answers and examples kept as data (openapi/answers), applied before the shared answers below. */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    OperationCustomizer documentedAnswers() {
        return DocumentedAnswers.load();
    }

    /** The schemas the answers files name (DocumentedAnswers.SCHEMAS). */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer namedSchemas() {
        return DocumentedAnswers.namedSchemas();
    }

    /** Problem documents for every error answer, anchored patterns (DocumentContract). */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer documentContract() {
        return new DocumentContract();
    }

    /**
     * Operation ids named after their handler ({@code stockReceive}, {@code clientRegister}) rather than
     * springdoc's method names numbered in scan order ({@code register_1}): stable, unique, and never the
     * name of a schema, so generated clients keep their method names from one version to the next.
     */
    @Bean
    OperationCustomizer operationIds() {
        return (operation, handler) -> {
            String resource = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            String method = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(resource.charAt(0))
                    + resource.substring(1)
                    + Character.toUpperCase(method.charAt(0))
                    + method.substring(1));
            return operation;
        };
    }

    @Bean
    OperationCustomizer accessResponses() {
        return (operation, handlerMethod) -> {
            AllowedRoles allowed = DeclaredRoles.of(handlerMethod).orElse(null);
            if (allowed == null) {
                return operation;
            }
            operation.addExtension(
                    ALLOWED_ROLES_EXTENSION,
                    Arrays.stream(allowed.value()).map(Role::name).toList());
            ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
            responses.addApiResponse(
                    "401",
                    problem(
                            "No credential, or an API key that is unknown, revoked or expired, or a token that is not"
                                    + " trusted",
                            HttpStatus.UNAUTHORIZED,
                            "UNAUTHENTICATED",
                            "Authentication required",
                            "Send an API key or a token as 'Authorization: Bearer <credential>'"));
            if (allowed.value().length < Role.values().length) {
                responses.addApiResponse(
                        "403",
                        problem(
                                "Only " + Arrays.toString(allowed.value()) + " keys may do this (decided before the"
                                        + " body is read)",
                                HttpStatus.FORBIDDEN,
                                "FORBIDDEN",
                                "Forbidden",
                                "This credential's role may not do this"));
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    /**
     * Every read that accepts {@code atLeastPosition} answers 503 when its read model does not reach that
     * position in time; documented here once rather than on each endpoint.
     */
    @Bean
    OperationCustomizer readYourWritesResponses() {
        return (operation, handlerMethod) -> {
            boolean waits = Arrays.stream(handlerMethod.getMethod().getParameters())
                    .anyMatch(parameter -> {
                        Class<?> type = parameter.getType();
                        return "atLeastPosition".equals(parameter.getName())
                                || (type.isRecord()
                                        && Arrays.stream(type.getRecordComponents())
                                                .anyMatch(component ->
                                                        component.getName().equals("atLeastPosition")));
                    });
            if (waits) {
                addProblem(
                        operation,
                        "The read model did not reach atLeastPosition in time; retry (Retry-After: 1)",
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "PROJECTION_BEHIND",
                        "Read model not yet up to date",
                        "The stock-lots read model has not yet reached ledger position 999999; retry shortly");
            }
            return operation;
        };
    }

    /**
     * Every endpoint that hands out client data answers 503 when the ledger cannot record the access (the
     * data is then not sent); documented here once rather than on each endpoint.
     */
    @Bean
    OperationCustomizer accessNotRecordedResponses() {
        return (operation, handlerMethod) -> {
            if (handlerMethod.hasMethodAnnotation(ReadsClientData.class)) {
                addProblem(
                        operation,
                        "The read of client data could not be recorded in the ledger, so no data was sent;" + " retry",
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "ACCESS_NOT_RECORDED",
                        "Read not recorded",
                        "The ledger could not record this read of client data; nothing was sent");
            }
            return operation;
        };
    }

    /**
     * Documents a problem answer under its status; when the status is documented already (one status, two
     * reasons), its descriptions are joined and its examples kept side by side.
     */
    private static void addProblem(
            io.swagger.v3.oas.models.Operation operation,
            String description,
            HttpStatus status,
            String code,
            String title,
            String detail) {
        ApiResponse answer = problem(description, status, code, title, detail);
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        ApiResponse existing = responses.get(String.valueOf(status.value()));
        if (existing == null || existing.getContent() == null) {
            responses.addApiResponse(String.valueOf(status.value()), answer);
        } else {
            existing.setDescription(existing.getDescription() + "; or " + answer.getDescription());
            MediaType problems = existing.getContent()
                    .computeIfAbsent(
                            org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, type -> new MediaType());
            answer.getContent()
                    .get(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .getExamples()
                    .forEach(problems::addExamples);
        }
        operation.setResponses(responses);
    }

    private static ApiResponse problem(
            String description, HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemResponses.problem(status, code, title, detail);
        // as the problem is written on the wire: its properties beside the standard members
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", problem.getType().toString());
        example.put("title", problem.getTitle());
        example.put("status", problem.getStatus());
        example.put("detail", problem.getDetail());
        example.putAll(problem.getProperties());
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().addExamples(code, new Example().value(example))));
    }

    /** Every write takes an Idempotency-Key and, optionally, the acting practitioner. */
    @Bean
    OperationCustomizer writeHeaders() {
        return (operation, handlerMethod) -> {
            boolean isWrite = Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(parameter -> WriteContext.class.equals(parameter.getParameterType()));
            if (isWrite) {
                operation.addParametersItem(new HeaderParameter()
                        .name("Idempotency-Key")
                        .required(true)
                        .description("Unique per intended write; resend it unchanged on retries")
                        .schema(new StringSchema().maxLength(255)));
                operation.addParametersItem(new HeaderParameter()
                        .name("X-Practitioner-Id")
                        .required(false)
                        .description("The practitioner acting through this credential, recorded with the event")
                        .schema(new StringSchema().maxLength(64)));
            }
            return operation;
        };
    }

    /** Every administrative action takes the same body: one example for all of them, here rather than on each. */
    @Bean
    OperationCustomizer adminActionExample() {
        return (operation, handlerMethod) -> {
            boolean isAdminAction = Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(parameter -> AdminActionRequest.class.equals(parameter.getParameterType()));
            if (isAdminAction
                    && operation.getRequestBody() != null
                    && operation.getRequestBody().getContent() != null) {
                operation
                        .getRequestBody()
                        .getContent()
                        .values()
                        .forEach(media -> media.addExamples(
                                "reason",
                                new Example()
                                        .summary("Why the action is asked for")
                                        .value(Map.of(
                                                "reason",
                                                "reconciliation found stock-lots diverging after a restore"))));
            }
            return operation;
        };
    }
}
