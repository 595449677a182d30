package org.doseledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.error.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every {@code /api/**} call needs an API key; roles and practice scope are enforced per endpoint by
 * {@link AccessInterceptor} from its {@link AllowedRoles}. Health, metrics and the OpenAPI document
 * are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, QueryGateway queries, Clock clock, ObjectMapper mapper)
            throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(queries, clock), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) -> {
                            Object reason = request.getAttribute(ApiKeyAuthenticationFilter.FAILURE_ATTRIBUTE);
                            response.setHeader("WWW-Authenticate", "Bearer");
                            ProblemResponses.write(
                                    request,
                                    response,
                                    mapper,
                                    HttpStatus.UNAUTHORIZED,
                                    "UNAUTHENTICATED",
                                    "Authentication required",
                                    reason != null
                                            ? reason.toString()
                                            : "Send an API key as 'Authorization: Bearer <key>'");
                        })
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(
                                request,
                                response,
                                mapper,
                                HttpStatus.FORBIDDEN,
                                "FORBIDDEN",
                                "Forbidden",
                                "This credential's role may not do this")))
                .build();
    }
}
