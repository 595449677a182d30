package org.doseledger.api.personaldata;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal-data settings ({@code ledger.privacy.*}; docs/personal-data.md).
 *
 * @param masterKey the AES-256 master key that wraps every client data key, 32 bytes in Base64 (for
 *     example from a secret store through {@code LEDGER_PRIVACY_MASTER_KEY}); takes precedence over the file
 * @param masterKeyFile the file holding that key in Base64; default {@code <data-dir>/keys/master.key},
 *     generated with permissions 0600 at first start when no key is configured
 * @param retention how long a client's records are kept before their personal data may be shredded
 */
@ConfigurationProperties("ledger.privacy")
public record PrivacyProperties(
        String masterKey, Path masterKeyFile, @DefaultValue Retention retention) {

    /** DEA, 21 CFR 1304.04(a): records are kept at least 2 years. No setting may go below it. */
    public static final Period DEA_MINIMUM = Period.ofYears(2);

    /**
     * @param minimum measured from the latest of the client's records, from when the ledger recorded it (or
     *     when it occurred, if later); at least P2Y (the
     *     DEA minimum); set P3Y or more where a state requires it, P6Y to keep HIPAA documentation along
     */
    public record Retention(@DefaultValue("P2Y") Period minimum) {

        public Retention {
            LocalDate start = LocalDate.of(2000, 1, 1);
            if (minimum == null || start.plus(minimum).isBefore(start.plus(DEA_MINIMUM))) {
                throw new IllegalArgumentException("ledger.privacy.retention.minimum is " + minimum
                        + ": records of controlled substances are kept at least " + DEA_MINIMUM
                        + " (DEA, 21 CFR 1304.04)");
            }
        }

        /** The first moment records whose last entry occurred at {@code lastActivityAt} may be shredded. */
        public java.time.Instant endsAfter(java.time.Instant lastActivityAt) {
            return lastActivityAt.atZone(java.time.ZoneOffset.UTC).plus(minimum).toInstant();
        }
    }
}
