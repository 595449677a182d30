package org.doseledger.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys look like {@code dlk.<key id>.<secret>}. The key id is public and finds the record; the
 * secret has 256 random bits and is stored only as its SHA-256 (a slow hash adds nothing at that entropy).
 */
public final class ApiKeySecrets {

    private static final Pattern FORMAT = Pattern.compile("dlk\\.([0-9a-f]{16})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    /** A freshly generated key: its id, the full token to hand out once, and the hash to store. */
    public record GeneratedKey(String keyId, String token, String secretSha256) {}

    /** A presented token split into its parts. */
    public record PresentedKey(String keyId, String secret) {}

    public static GeneratedKey generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new GeneratedKey(keyId, "dlk." + keyId + "." + secretText, sha256(secretText));
    }

    /**
     * A key made outside the service (the initial admin key given in configuration), in the same form as a generated
     * one; empty when the token is not of that form.
     */
    public static Optional<GeneratedKey> given(String token) {
        return parse(token)
                .map(key ->
                        new GeneratedKey(key.keyId(), "dlk." + key.keyId() + "." + key.secret(), sha256(key.secret())));
    }

    /** Whether a bearer token is meant as an API key (rather than an identity provider's token). */
    public static boolean looksLikeApiKey(String token) {
        return token.startsWith("dlk.");
    }

    public static Optional<PresentedKey> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(token.trim());
        return matcher.matches() ? Optional.of(new PresentedKey(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    public static boolean matches(String secret, String expectedSha256) {
        return MessageDigest.isEqual(
                sha256(secret).getBytes(StandardCharsets.US_ASCII), expectedSha256.getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
