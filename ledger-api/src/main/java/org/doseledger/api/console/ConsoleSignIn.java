package org.doseledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.doseledger.api.security.ApiCredential;
import org.doseledger.projections.apikey.ApiKeyView;
import org.doseledger.projections.apikey.FindApiKeyQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Signs a person in to the console: user name, password and the current code of their authenticator app,
 * all three in one form, so a wrong password and a wrong code look alike. Each failure counts; at
 * {@link ConsoleProperties#maxFailedSignIns()} in a row the account is locked for
 * {@link ConsoleProperties#lockout()}, and a locked account refuses the right answers too. The signed-in
 * principal is the {@link ApiCredential} of the account's issued key, so pages are admitted by the same
 * roles and practice scope as their REST twins, and whatever a person records names that credential.
 */
class ConsoleSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSignIn.class);

    /** What the sign-in form sends besides user name and password. */
    static final class Details extends WebAuthenticationDetails {

        private final String code;

        Details(HttpServletRequest request) {
            super(request);
            this.code = request.getParameter("code");
        }

        String code() {
            return code;
        }
    }

    private final ConsoleAccounts accounts;
    private final PasswordEncoder passwords;
    private final QueryGateway queries;
    private final ConsoleProperties properties;
    private final Clock clock;
    private final String unknownAccountHash;

    ConsoleSignIn(
            ConsoleAccounts accounts,
            PasswordEncoder passwords,
            QueryGateway queries,
            ConsoleProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
        // an unknown name costs the same hash check as a known one
        this.unknownAccountHash = passwords.encode("no account has this password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String code = authentication.getDetails() instanceof Details details ? details.code() : null;
        Instant now = clock.instant();
        Optional<ConsoleAccounts.Account> found = accounts.find(username);
        if (found.isEmpty()) {
            passwords.matches(password, unknownAccountHash);
            throw new BadCredentialsException("unknown console account");
        }
        ConsoleAccounts.Account account = found.get();
        if (account.lockedAt(now)) {
            throw new LockedException("locked until " + account.lockedUntil());
        }
        boolean passwordRight = passwords.matches(password, account.passwordHash());
        long step = Totp.accept(account.totpSecret(), code, now, account.lastTotpStep());
        if (!passwordRight || step < 0) {
            accounts.failed(username, now, properties.maxFailedSignIns(), properties.lockout());
            log.info("console sign-in of {} refused: wrong password or code", username);
            throw new BadCredentialsException("wrong password or code");
        }
        ApiKeyView key = queries.query(
                        new FindApiKeyQuery(account.keyId()), ResponseTypes.optionalInstanceOf(ApiKeyView.class))
                .join()
                .filter(view -> view.isUsableAt(now))
                .orElseThrow(() -> new DisabledException("the account's credential is revoked or expired"));
        if (!accounts.succeeded(username, step)) {
            throw new BadCredentialsException("this code was used already");
        }
        ApiCredential credential = ApiCredential.of(key);
        log.info("console sign-in of {} as {} ({})", username, credential.id(), credential.role());
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                credential,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + credential.role().name())));
        // the session keeps who signed in, not the form's details (its one-time code among them)
        signedIn.setDetails(username);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
