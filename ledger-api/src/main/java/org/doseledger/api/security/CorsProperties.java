package org.doseledger.api.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browsers of other origins ({@code ledger.security.cors.*}): none may call the API until origins are
 * listed here (a web console served from another host, say).
 */
@ConfigurationProperties("ledger.security.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
