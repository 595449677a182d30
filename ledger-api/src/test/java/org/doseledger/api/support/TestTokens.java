package org.doseledger.api.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** Bearer tokens of the pretend identity provider that the test service trusts (resources/jwt). */
public final class TestTokens {

    public static final String ISSUER = "https://idp.test.invalid/realms/practices";
    public static final String AUDIENCE = "dose-ledger";

    private static final PrivateKey KEY = load("/jwt/test-issuer.key");

    private TestTokens() {}

    /** A token for {@code subject} with the ledger's role and practice claims; practice may be a list or null. */
    public static String of(String subject, String role, Object practice) {
        return sign(claims(subject, role, practice), KEY);
    }

    /** A token with exactly these changes to the defaults (a null value removes a claim). */
    public static String with(String subject, Map<String, Object> changes) {
        JWTClaimsSet.Builder claims = defaults(subject);
        changes.forEach(claims::claim);
        return sign(claims.build(), KEY);
    }

    /**
     * A token with the same claims as {@link #of} whose JOSE header has this {@code typ}: {@code at+jwt} for an
     * RFC 9068 access token, null for none (what {@link #of} sends).
     */
    public static String ofType(String type, String subject, String role, Object practice) {
        return sign(claims(subject, role, practice), KEY, type);
    }

    /** A token with the same claims as {@link #of}, signed by a key the service does not trust. */
    public static String signedByStranger(String subject, String role, Object practice) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(
                    claims(subject, role, practice), generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String subject, String role, Object practice) {
        JWTClaimsSet.Builder claims = defaults(subject).claim("dose_ledger_role", role);
        if (practice != null) {
            claims.claim("dose_ledger_practice", practice);
        }
        return claims.build();
    }

    private static JWTClaimsSet.Builder defaults(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    private static String sign(JWTClaimsSet claims, PrivateKey key) {
        return sign(claims, key, null);
    }

    private static String sign(JWTClaimsSet claims, PrivateKey key, String type) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256);
            if (type != null) {
                header.type(new JOSEObjectType(type));
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey load(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
