package org.doseledger.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.doseledger.api.write.WriteContext;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WriteContext.class);
    }

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Dose Ledger API")
                        .version("v1")
                        .description("Event-sourced audit ledger for controlled substances in ketamine-assisted"
                                + " psychotherapy practices. Errors are RFC 9457 problem documents with a stable"
                                + " 'code'."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key: 'Authorization: Bearer dlk.<id>.<secret>'")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
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
}
