package org.doseledger.api.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SecurityWebConfiguration implements WebMvcConfigurer {

    private final CredentialRateLimiter limiter;

    SecurityWebConfiguration(CredentialRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // a credential's requests count against its limit before anything else is decided
        registry.addInterceptor(new RateLimitInterceptor(limiter)).addPathPatterns("/api/**");
        // the console's pages admit the same roles, with the same practice scope, as their REST twins
        registry.addInterceptor(new AccessInterceptor()).addPathPatterns("/api/**", "/console", "/console/**");
    }
}
