package org.doseledger.api.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.core.integrity.Ed25519Keys;
import org.doseledger.core.integrity.KeyEndorsement;
import org.doseledger.core.integrity.tlog.NoteSigner;
import org.doseledger.core.integrity.tlog.SignatureType;
import org.doseledger.core.shared.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints, and the keys verification starts from. With no key
 * configured, the first start generates one under the data directory (0600) and logs its fingerprint.
 * The public half of every key that ever signed is kept as {@code <keyId>.pub} in the trusted-keys
 * directory, for reference. Verification trusts only the <em>pinned</em> keys ({@code pinned-keys.pem}, written once
 * at the first start with the keys on file then) and the keys they endorsed, key by key, in the ledger
 * ({@link #endorsementOfActiveKey()}, {@link TrustedKeys}): a {@code .pub} file that appears later is not trusted.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;
    private final Path trustedKeysDir;
    private final byte[] seed;
    private final Path keyDirectory;
    private final Path pinnedKeysFile;
    private final KeyPair previous;

    SigningKeys(IntegrityProperties properties, LedgerProperties ledger) {
        Path keys = ledger.dataDir().resolve("keys");
        this.trustedKeysDir = properties.trustedKeysDir() != null ? properties.trustedKeysDir() : keys;
        Path keyFile =
                properties.signingKeyFile() != null ? properties.signingKeyFile() : keys.resolve("signing-key.pem");
        this.keyDirectory = keyFile.toAbsolutePath().getParent();
        try {
            KeyPair pair;
            if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
                pair = fromPrivate(
                        Base64.getDecoder().decode(properties.signingKey().strip()));
            } else if (Files.exists(keyFile)) {
                pair = fromPrivate(Ed25519Keys.pem(Files.readString(keyFile)));
            } else {
                pair = KeyPairGenerator.getInstance(Ed25519Keys.ALGORITHM).generateKeyPair();
                writePrivate(keyFile, pair.getPrivate());
                log.info("Generated a checkpoint signing key at {}", keyFile);
            }
            this.privateKey = pair.getPrivate();
            this.publicKey = pair.getPublic();
            this.seed = Arrays.copyOfRange(privateKey.getEncoded(), 16, 48);
            this.keyId = Ed25519Keys.keyId(publicKey);
            OwnerOnlyFiles.createDirectories(trustedKeysDir);
            Path pub = trustedKeysDir.resolve(keyId + ".pub");
            if (!Files.exists(pub)) {
                OwnerOnlyFiles.writeAtomically(
                        pub,
                        Ed25519Keys.pemOf("PUBLIC KEY", publicKey.getEncoded()).getBytes(StandardCharsets.US_ASCII));
            }
            this.previous = previousKey(properties);
            this.pinnedKeysFile = properties.pinnedKeysFile() != null
                    ? properties.pinnedKeysFile()
                    : trustedKeysDir.resolve("pinned-keys.pem");
            if (!Files.exists(pinnedKeysFile)) {
                pinKeysOnFile();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the configured signing key is not an Ed25519 PKCS#8 key", e);
        }
        log.info(
                "Checkpoints are signed with Ed25519 key {} (SHA-256 fingerprint {})",
                keyId,
                Ed25519Keys.fingerprint(publicKey));
    }

    /**
     * The same key as a C2SP note signer named after the log's origin, which signs the tree checkpoints
     * (c2sp.org/tlog-checkpoint); its verifier key ({@code <origin>+<key id>+<base64>}) is what a
     * regulator or a witness pins.
     */
    public NoteSigner noteSigner(String origin) {
        NoteSigner signer = NoteSigner.fromSeed(origin, SignatureType.ED25519, seed);
        if (!Arrays.equals(signer.verifierKey().publicKey(), Ed25519Keys.rawPublicKey(publicKey))) {
            throw new IllegalStateException("the note signer derived from the signing key does not match it");
        }
        return signer;
    }

    /** The 32 raw bytes of an Ed25519 public key: the end of its X.509 encoding. */
    /** The directory of the signing key, where the sealer keeps its own record of what it signed. */
    Path keyDirectory() {
        return keyDirectory;
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public byte[] sign(byte[] bytes) {
        try {
            Signature signature = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signature.initSign(privateKey);
            signature.update(bytes);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * At a rotation (a previous key configured that is not the active one): the previous key's endorsement of the
     * active key, to be recorded in the ledger before the active key signs.
     */
    public java.util.Optional<KeyEndorsement> endorsementOfActiveKey() {
        if (previous == null || Ed25519Keys.keyId(previous.getPublic()).equals(keyId)) {
            return java.util.Optional.empty();
        }
        String endorser = Ed25519Keys.keyId(previous.getPublic());
        byte[] text = KeyEndorsement.signedText(endorser, keyId, publicKey.getEncoded());
        try {
            Signature signature = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signature.initSign(previous.getPrivate());
            signature.update(text);
            return java.util.Optional.of(new KeyEndorsement(keyId, publicKey.getEncoded(), endorser, signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The keys verification starts from (the pinned-keys file), by key id. */
    public Map<String, PublicKey> pinned() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        try {
            String text = Files.readString(pinnedKeysFile, StandardCharsets.US_ASCII);
            java.util.regex.Matcher block = java.util.regex.Pattern.compile(
                            "-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----", java.util.regex.Pattern.DOTALL)
                    .matcher(text);
            while (block.find()) {
                PublicKey key = Ed25519Keys.publicKey(Ed25519Keys.pem(block.group(1)));
                keys.put(Ed25519Keys.keyId(key), key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pinned keys in " + pinnedKeysFile, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a pinned key in " + pinnedKeysFile + " is not an Ed25519 key", e);
        }
        return keys;
    }

    /**
     * The first start of a ledger (or of the first version with pinned keys) pins the keys on file then: the first
     * key, or every key an earlier version trusted. Later keys are trusted only through endorsements.
     */
    private void pinKeysOnFile() throws IOException {
        StringBuilder pinned = new StringBuilder();
        for (PublicKey key : trusted().values()) {
            pinned.append(Ed25519Keys.pemOf("PUBLIC KEY", key.getEncoded()));
        }
        OwnerOnlyFiles.writeAtomically(pinnedKeysFile, pinned.toString().getBytes(StandardCharsets.US_ASCII));
        log.info("Pinned the checkpoint keys {} in {}", trusted().keySet(), pinnedKeysFile);
    }

    private static KeyPair previousKey(IntegrityProperties properties) throws IOException, GeneralSecurityException {
        if (properties.previousSigningKey() != null
                && !properties.previousSigningKey().isBlank()) {
            return fromPrivate(
                    Base64.getDecoder().decode(properties.previousSigningKey().strip()));
        }
        if (properties.previousSigningKeyFile() != null) {
            return fromPrivate(Ed25519Keys.pem(Files.readString(properties.previousSigningKeyFile())));
        }
        return null;
    }

    /**
     * Every public key on file: the active key and each {@code .pub} in the trusted-keys directory, by key id
     * (recomputed from the key, not the file name). Being on file is not being trusted: see {@link #pinned()}.
     */
    public Map<String, PublicKey> trusted() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        keys.put(keyId, publicKey);
        try (Stream<Path> files = Files.list(trustedKeysDir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".pub")).sorted().toList()) {
                PublicKey key = Ed25519Keys.publicKey(Ed25519Keys.pem(Files.readString(file)));
                keys.put(Ed25519Keys.keyId(key), key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trusted keys in " + trustedKeysDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a trusted key in " + trustedKeysDir + " is not an Ed25519 key", e);
        }
        return keys;
    }

    private static KeyPair fromPrivate(byte[] pkcs8) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance(Ed25519Keys.ALGORITHM);
        PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        // PKCS#8 of an Ed25519 key: a 16-byte header, then the 32-byte seed the public key derives from
        byte[] seed = Arrays.copyOfRange(pkcs8, 16, 48);
        KeyPair pair = new KeyPair(derivePublic(key, seed), key);
        // a key whose layout we misread would sign checkpoints nobody can verify: prove the pair first
        Signature signature = Signature.getInstance(Ed25519Keys.ALGORITHM);
        signature.initSign(pair.getPrivate());
        signature.update(TAG);
        byte[] signed = signature.sign();
        signature.initVerify(pair.getPublic());
        signature.update(TAG);
        if (!signature.verify(signed)) {
            throw new GeneralSecurityException(
                    "the public key derived from the configured signing key does not match it");
        }
        return pair;
    }

    private static final byte[] TAG = "dose-ledger signing key check".getBytes(StandardCharsets.US_ASCII);

    private static PublicKey derivePublic(PrivateKey key, byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(Ed25519Keys.ALGORITHM);
        generator.initialize(255, new FixedSeed(seed));
        return generator.generateKeyPair().getPublic();
    }

    private static void writePrivate(Path file, PrivateKey key) throws IOException {
        OwnerOnlyFiles.writeAtomically(
                file, Ed25519Keys.pemOf("PRIVATE KEY", key.getEncoded()).getBytes(StandardCharsets.US_ASCII));
    }

    /** A SecureRandom that hands out one fixed 32-byte seed: how the JDK regenerates a key pair from its seed. */
    private static final class FixedSeed extends java.security.SecureRandom {

        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
