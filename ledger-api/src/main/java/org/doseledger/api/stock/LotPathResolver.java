package org.doseledger.api.stock;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.doseledger.api.web.CommonRequests;
import org.doseledger.api.web.InvalidQueryException;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.stock.api.StockLotRef;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A lot's address, {@code /stock/lots/{locationId}/{ndc}/{lotNumber}} under a practice, given to a handler
 * as one {@link StockLotRef} instead of four path variables on every endpoint. The values come from the
 * request's path only (never from its query or body), each checked against its pattern: a value that does
 * not match is a VALIDATION_FAILED problem naming the path variable, as before. The API document lists the
 * four path parameters for every operation that takes a lot.
 */
@Configuration(proxyBeanMethods = false)
class LotPathResolver implements HandlerMethodArgumentResolver {

    /** The path variables, in the order of the path, with the pattern each must match. */
    private static final Map<String, String> VARIABLES = new java.util.LinkedHashMap<>();

    static {
        VARIABLES.put("practiceId", null);
        VARIABLES.put("locationId", CommonRequests.ID);
        VARIABLES.put("ndc", StockController.NDC);
        VARIABLES.put("lotNumber", StockController.LOT);
    }

    private static final Map<String, Pattern> COMPILED = VARIABLES.entrySet().stream()
            .filter(variable -> variable.getValue() != null)
            .collect(java.util.stream.Collectors.toMap(
                    Map.Entry::getKey, variable -> Pattern.compile(variable.getValue())));

    @Bean
    WebMvcConfigurer lotPaths() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new LotPathResolver());
            }
        };
    }

    /** The four path parameters, documented for every operation that takes a lot. */
    @Bean
    OperationCustomizer lotPathParameters() {
        return (operation, handler) -> {
            boolean takesALot = java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> StockLotRef.class.equals(parameter.getParameterType()));
            if (takesALot) {
                List<io.swagger.v3.oas.models.parameters.Parameter> parameters = new java.util.ArrayList<>();
                VARIABLES.forEach((name, pattern) -> {
                    StringSchema schema = new StringSchema();
                    if (pattern != null) {
                        schema.pattern(pattern);
                    }
                    parameters.add(new PathParameter().name(name).required(true).schema(schema));
                });
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                operation.setParameters(parameters);
            }
            return operation;
        };
    }

    static {
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(StockLotRef.class);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return StockLotRef.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>)
                request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (path == null) {
            throw new IllegalStateException("a lot is taken from a path with " + VARIABLES.keySet());
        }
        COMPILED.forEach((name, pattern) -> {
            if (!pattern.matcher(path.get(name)).matches()) {
                throw new InvalidQueryException(name, "must match \"" + VARIABLES.get(name) + "\"");
            }
        });
        return new StockLotRef(
                PracticeId.of(path.get("practiceId")), path.get("locationId"), path.get("ndc"), path.get("lotNumber"));
    }
}
