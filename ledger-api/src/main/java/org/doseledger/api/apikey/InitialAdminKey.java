package org.doseledger.api.apikey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.doseledger.api.apikey.ApiKeyResponses.IssuedApiKey;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.api.security.ApiKeySecrets;
import org.doseledger.api.write.WriteContext;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (no key was ever issued) the ledger issues an ADMIN key, logs its id (never its secret) and
 * writes it to {@code <data dir>/initial-admin-key} readable by its owner only. An advisory lock keeps
 * replicas starting together from issuing two. With {@code ledger.initial-admin-key} set (a key made beforehand,
 * e.g. in a Kubernetes Secret that every replica reads), that key is the one recorded and no file is written: a
 * replica's disk may not outlive it, and the replica that happens to start first does not matter.
 */
@Component
class InitialAdminKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdminKey.class);
    private static final long LOCK_ID = 0x646f73656c656467L;

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final ApiKeyIssuer issuer;
    private final LedgerProperties properties;
    private final Clock clock;
    private final Optional<ApiKeySecrets.GeneratedKey> configured;

    InitialAdminKey(
            TransactionTemplate transactions,
            JdbcTemplate jdbc,
            ApiKeyIssuer issuer,
            LedgerProperties properties,
            Clock clock,
            @Value("${ledger.initial-admin-key:}") String configuredKey) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.issuer = issuer;
        this.properties = properties;
        this.clock = clock;
        if (configuredKey.isBlank()) {
            this.configured = Optional.empty();
        } else {
            this.configured = Optional.of(ApiKeySecrets.given(configuredKey)
                    .orElseThrow(() -> new IllegalStateException("ledger.initial-admin-key (LEDGER_INITIAL_ADMIN_KEY)"
                            + " must look like dlk.<16 hex digits>.<43 characters of base64url>; make one with: echo"
                            + " \"dlk.$(openssl rand -hex 8).$(openssl rand 32 | base64 -w0 | tr '+/' '-_' | tr -d"
                            + " '=')\"")));
        }
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        IssuedApiKey issued = transactions.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK_ID);
            Boolean anyKey = jdbc.queryForObject("select exists (select 1 from api_key_registry)", Boolean.class);
            if (Boolean.TRUE.equals(anyKey)) {
                return null;
            }
            WriteContext context = new WriteContext(ApiCredential.SYSTEM, "startup", null, null, clock.instant());
            return configured.isPresent()
                    ? issuer.issue(context, Role.ADMIN, null, "initial admin key", null, configured.get())
                    : issuer.issue(context, Role.ADMIN, null, "initial admin key", null);
        });
        if (issued == null) {
            return;
        }
        if (configured.isPresent()) {
            log.warn(
                    "First start: the ADMIN API key given in ledger.initial-admin-key (id {}) is now the first admin"
                            + " key. Issue named admin keys with it, then revoke it.",
                    issued.keyId());
            return;
        }
        Path file = properties.dataDir().resolve("initial-admin-key");
        OwnerOnlyFiles.writeAtomically(
                file, (issued.apiKey() + System.lineSeparator()).getBytes(StandardCharsets.US_ASCII));
        // the secret goes to the owner-only file alone: logs are shipped and kept where keys must not be
        log.warn("""

                =====================================================================
                 First start: an ADMIN API key (id {}) was issued. Its secret is in
                 {} (owner-only) and nowhere else; it is not shown again.
                =====================================================================""", issued.keyId(), file.toAbsolutePath().normalize());
    }
}
