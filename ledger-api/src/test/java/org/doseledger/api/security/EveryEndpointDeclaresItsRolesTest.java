package org.doseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class EveryEndpointDeclaresItsRolesTest extends EndToEndTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointDeclaresWhichRolesMayCallIt() {
        List<String> undeclared = mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getKey().getPatternValues().stream().anyMatch(path -> path.startsWith("/api/")))
                .filter(entry -> !AnnotatedElementUtils.hasAnnotation(
                                entry.getValue().getMethod(), AllowedRoles.class)
                        && !AnnotatedElementUtils.hasAnnotation(entry.getValue().getBeanType(), AllowedRoles.class))
                .map(entry -> entry.getKey().toString())
                .toList();

        assertThat(mappings.getHandlerMethods()).isNotEmpty();
        assertThat(undeclared).isEmpty();
    }
}
