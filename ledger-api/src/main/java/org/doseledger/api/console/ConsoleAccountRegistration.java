package org.doseledger.api.console;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.doseledger.api.apikey.ApiKeyIssuer;
import org.doseledger.api.apikey.ApiKeyResponses.IssuedApiKey;
import org.doseledger.api.write.IdempotentWrites;
import org.doseledger.api.write.RecordAlreadyExistsException;
import org.doseledger.api.write.WriteContext;
import org.doseledger.api.write.WriteOutcome;
import org.doseledger.api.write.WriteReceipt;
import org.doseledger.core.apikey.api.Role;
import org.doseledger.core.shared.PracticeId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Opens a console account: the ledger issues it a credential like any API key (ApiKeyIssued, with the role,
 * practice and expiry asked for; the key's bearer secret is thrown away, so the credential is used by
 * signing in only), and the account gets a generated password and TOTP secret, shown once.
 */
@Component
public class ConsoleAccountRegistration {

    static final String ISSUER = "Dose Ledger";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new account with its first password and TOTP secret; a replay of the same request shows neither.
     *
     * @param totpSecret Base32, to type into an authenticator app
     * @param otpauthUri the same secret as the URI an authenticator app reads from a link or QR code
     */
    public record CreatedConsoleAccount(
            String username,
            String name,
            String keyId,
            Role role,
            String practiceId,
            Instant expiresAt,
            String initialPassword,
            String totpSecret,
            String otpauthUri,
            WriteReceipt receipt) {

        CreatedConsoleAccount withoutSecrets() {
            return new CreatedConsoleAccount(
                    username, name, keyId, role, practiceId, expiresAt, null, null, null, receipt);
        }
    }

    private final ApiKeyIssuer issuer;
    private final ConsoleAccounts accounts;
    private final PasswordEncoder passwords;
    private final IdempotentWrites writes;

    ConsoleAccountRegistration(
            ApiKeyIssuer issuer, ConsoleAccounts accounts, PasswordEncoder passwords, IdempotentWrites writes) {
        this.writes = writes;
        this.issuer = issuer;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    /**
     * Opens the account the request asks for as one idempotent write: 201 with its first password and TOTP
     * secret, and the same answer without them to a replay of the key.
     */
    ResponseEntity<Object> open(WriteContext context, ConsoleAccountController.CreateConsoleAccountRequest request) {
        return writes.execute(context, "POST /api/admin/console-accounts", request, () -> {
            CreatedConsoleAccount created = create(
                    context,
                    request.username(),
                    request.name().strip(),
                    request.role(),
                    request.practiceId() == null ? null : PracticeId.of(request.practiceId()),
                    request.expiresAt());
            return new WriteOutcome(
                    201, URI.create("/api/admin/api-keys/" + created.keyId()), created, created.withoutSecrets());
        });
    }

    ResponseEntity<Object> open(WriteContext context, String username, String name, Role role, PracticeId practice) {
        return open(
                context,
                new ConsoleAccountController.CreateConsoleAccountRequest(
                        username, name, role, practice == null ? null : practice.value(), null));
    }

    /** Must run inside a transaction; 409 CONSOLE_ACCOUNT_ALREADY_EXISTS for a name taken. */
    public CreatedConsoleAccount create(
            WriteContext context, String username, String name, Role role, PracticeId practice, Instant expiresAt) {
        if (accounts.exists(username)) {
            throw new RecordAlreadyExistsException("console-account", username);
        }
        IssuedApiKey key =
                issuer.issue(context, role, practice, "console account " + username + " (" + name + ")", expiresAt);
        String password = newPassword();
        byte[] secret = Totp.newSecret();
        accounts.create(username, name, key.keyId(), passwords.encode(password), secret, context.recordedAt());
        return new CreatedConsoleAccount(
                username,
                name,
                key.keyId(),
                role,
                key.practiceId(),
                expiresAt,
                password,
                Totp.base32(secret),
                Totp.uri(ISSUER, username, secret),
                key.receipt());
    }

    /** 18 random bytes: 24 characters of URL-safe Base64. */
    private static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
