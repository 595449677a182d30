package org.doseledger.api.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Console sign-in ({@code ledger.console.*}). The idle timeout of a signed-in session is
 * {@code server.servlet.session.timeout}.
 *
 * @param maxFailedSignIns failed sign-ins in a row (wrong password or wrong code) after which the account is
 *     locked
 * @param lockout how long a locked account refuses every sign-in, the right one included
 */
@ConfigurationProperties("ledger.console")
public record ConsoleProperties(
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("15m") Duration lockout) {

    public ConsoleProperties {
        if (maxFailedSignIns < 1) {
            throw new IllegalArgumentException(
                    "ledger.console.max-failed-sign-ins must be 1 or more, not " + maxFailedSignIns);
        }
    }
}
