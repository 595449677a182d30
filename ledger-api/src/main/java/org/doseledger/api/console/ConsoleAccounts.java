package org.doseledger.api.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.doseledger.api.personaldata.MasterKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sign-in secrets of console accounts ({@code console_account}). TOTP secrets are sealed with AES-256-GCM
 * under a key derived from the master key, bound to the account's name, so a copy of the database alone
 * yields no second factor.
 */
@Component
class ConsoleAccounts {

    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One account as sign-in sees it: the TOTP secret is opened. */
    record Account(
            String username,
            String name,
            String keyId,
            String passwordHash,
            byte[] totpSecret,
            long lastTotpStep,
            int failedSignIns,
            Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    private final JdbcTemplate jdbc;
    private final SecretKeySpec totpKey;

    ConsoleAccounts(JdbcTemplate jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.totpKey = new SecretKeySpec(masterKey.derive("console-totp-secrets"), "AES");
    }

    boolean exists(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from console_account where username = ?)", Boolean.class, username));
    }

    void create(String username, String name, String keyId, String passwordHash, byte[] totpSecret, Instant now) {
        jdbc.update(
                "insert into console_account (username, display_name, key_id, password_hash, totp_secret, created_at,"
                        + " password_set_at) values (?, ?, ?, ?, ?, ?, ?)",
                username,
                name,
                keyId,
                passwordHash,
                seal(username, totpSecret),
                Timestamp.from(now),
                Timestamp.from(now));
    }

    Optional<Account> find(String username) {
        List<Account> found = jdbc.query(
                "select * from console_account where username = ?",
                (rs, row) -> {
                    Timestamp locked = rs.getTimestamp("locked_until");
                    return new Account(
                            rs.getString("username"),
                            rs.getString("display_name"),
                            rs.getString("key_id"),
                            rs.getString("password_hash"),
                            open(rs.getString("username"), rs.getBytes("totp_secret")),
                            rs.getLong("last_totp_step"),
                            rs.getInt("failed_sign_ins"),
                            locked == null ? null : locked.toInstant());
                },
                username);
        return found.stream().findFirst();
    }

    /** The printed name of the person the credential {@code keyId} signs in; empty for API keys. */
    Optional<String> nameOfKey(String keyId) {
        return jdbc
                .queryForList("select display_name from console_account where key_id = ?", String.class, keyId)
                .stream()
                .findFirst();
    }

    /** One more failure in a row; the account locks until {@code now + lockout} at the {@code max}th. */
    void failed(String username, Instant now, int max, java.time.Duration lockout) {
        jdbc.update(
                "update console_account set failed_sign_ins = failed_sign_ins + 1,"
                        + " locked_until = case when failed_sign_ins + 1 >= ? then ? else locked_until end"
                        + " where username = ?",
                max,
                Timestamp.from(now.plus(lockout)),
                username);
    }

    /**
     * A sign-in succeeded with the code of {@code step}: failures are forgotten. False when another sign-in
     * took this step or a later one first (the same code presented twice).
     */
    boolean succeeded(String username, long step) {
        return jdbc.update(
                        "update console_account set failed_sign_ins = 0, locked_until = null, last_totp_step = ?"
                                + " where username = ? and last_totp_step < ?",
                        step,
                        username,
                        step)
                == 1;
    }

    private byte[] seal(String username, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, nonce, username, secret);
        byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
        System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
        return sealed;
    }

    private byte[] open(String username, byte[] sealed) {
        return run(
                Cipher.DECRYPT_MODE,
                Arrays.copyOf(sealed, NONCE_BYTES),
                username,
                Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
    }

    private byte[] run(int mode, byte[] nonce, String username, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, totpKey, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(("DOSE-LEDGER-CONSOLE-TOTP/1\n" + username).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the TOTP secret of console account " + username + " does not open under this master key", e);
        }
    }
}
