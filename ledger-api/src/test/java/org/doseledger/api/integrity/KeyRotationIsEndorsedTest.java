package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.core.integrity.Checkpoint;
import org.doseledger.core.integrity.Ed25519Keys;
import org.doseledger.core.integrity.KeyEndorsement;
import org.doseledger.core.integrity.VerificationReport;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A verifier that pins only the ledger's first public key follows its key rotations through the endorsements the
 * previous key signed in the log, online and offline; a key that merely appears in the key directory (written there
 * by someone who can write files, or installed by a restart with another key) is not trusted, nor is an endorsement
 * that the previous key did not sign.
 */
class KeyRotationIsEndorsedTest {

    JdbcTemplate jdbc;
    javax.sql.DataSource database;
    Path dataDir;
    LedgerProperties ledger;
    SigningKeys original;
    Path pinnedByTheRegulator;

    /** The embedded server; {@link KeyRotationIsEndorsedOnExternalPostgresTest} runs the same on an external one. */
    AttackedDatabase newDatabase() {
        return AttackedDatabase.embedded();
    }

    @BeforeEach
    void aLedgerSealedWithItsFirstKey() throws Exception {
        AttackedDatabase attacked = newDatabase();
        database = attacked.service();
        jdbc = attacked.serviceJdbc();
        dataDir = Files.createTempDirectory("ledger-rotation");
        ledger = new LedgerProperties(
                dataDir, null, Duration.ofSeconds(5), null, Duration.ofHours(1), Duration.ofMinutes(1), 100, 500);
        original = new SigningKeys(properties(null, null), ledger);
        pinnedByTheRegulator = Files.createTempFile("pinned", ".pub");
        Files.writeString(
                pinnedByTheRegulator,
                Ed25519Keys.pemOf("PUBLIC KEY", original.publicKey().getEncoded()));
        for (int i = 0; i < 3; i++) {
            append("lot:a", i);
        }
        assertThat(sealer(original).seal()).isPresent();
    }

    @Test
    void aNewKeyEndorsedByThePreviousOneIsFollowedFromTheFirstKeyOnlineAndOffline() throws Exception {
        KeyPair next = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SigningKeys rotated = new SigningKeys(
                properties(
                        Base64.getEncoder().encodeToString(next.getPrivate().getEncoded()),
                        dataDir.resolve("keys/signing-key.pem")),
                ledger);
        KeyEndorsement endorsement = rotated.endorsementOfActiveKey().orElseThrow();
        assertThat(endorsement.endorserKeyId()).isEqualTo(original.keyId());
        assertThat(endorsement.keyId()).isEqualTo(rotated.keyId()).isNotEqualTo(original.keyId());
        appendEndorsement(endorsement);
        append("lot:a", 3);
        CheckpointSealer sealer = sealer(rotated);
        assertThat(sealer.seal()).get().extracting(Checkpoint::keyId).isEqualTo(rotated.keyId());

        assertThat(TrustedKeys.of(jdbc, rotated)).containsOnlyKeys(original.keyId(), rotated.keyId());
        VerificationReport online = verifyOnline(rotated, sealer);
        assertThat(online.ok()).as(online.toString()).isTrue();
        assertThat(online.checkpointsChecked()).isEqualTo(2);

        Path bundle = bundle(rotated);
        OfflineBundleVerifier.Result offline = OfflineBundleVerifier.verify(
                bundle, java.util.List.of(OfflineBundleVerifier.readKey(pinnedByTheRegulator)));
        assertThat(offline.ok()).as(offline.toString()).isTrue();
        assertThat(OfflineBundleVerifier.run(
                        new String[] {bundle.toString(), "--public-key", pinnedByTheRegulator.toString()}))
                .isZero();
    }

    @Test
    void aKeyInTheKeyDirectoryThatNobodyEndorsedIsNotTrusted() throws Exception {
        // the attacker's key is installed in place of the genuine one: its .pub lands in the key directory
        KeyPair attacker = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SigningKeys installed = new SigningKeys(
                properties(
                        Base64.getEncoder().encodeToString(attacker.getPrivate().getEncoded()), null),
                ledger);
        assertThat(dataDir.resolve("keys/" + installed.keyId() + ".pub")).exists();
        assertThat(installed.endorsementOfActiveKey()).isEmpty();
        append("lot:a", 3);
        CheckpointSealer sealer = sealer(installed);
        assertThat(sealer.seal()).isPresent();

        assertThat(TrustedKeys.of(jdbc, installed)).containsOnlyKeys(original.keyId());
        VerificationReport online = verifyOnline(installed, sealer);
        assertThat(online.completenessOk()).isFalse();
        assertThat(online.completenessFailure().code()).isEqualTo("CHECKPOINT_UNTRUSTED_KEY");
        assertThat(online.completenessFailure().checkpoint()).isEqualTo(2);

        Path bundle = bundle(installed);
        assertThat(OfflineBundleVerifier.run(
                        new String[] {bundle.toString(), "--public-key", pinnedByTheRegulator.toString()}))
                .isEqualTo(1);
        OfflineBundleVerifier.Result offline = OfflineBundleVerifier.verify(
                bundle, java.util.List.of(OfflineBundleVerifier.readKey(pinnedByTheRegulator)));
        assertThat(offline.ledger().completenessFailure().code()).isEqualTo("CHECKPOINT_UNTRUSTED_KEY");
    }

    @Test
    void anEndorsementThePreviousKeyDidNotSignEndorsesNothing() throws Exception {
        KeyPair attacker = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SigningKeys installed = new SigningKeys(
                properties(
                        Base64.getEncoder().encodeToString(attacker.getPrivate().getEncoded()), null),
                ledger);
        // the attacker writes an endorsement that names the genuine key as endorser, signed with their own key
        byte[] text = KeyEndorsement.signedText(
                original.keyId(), installed.keyId(), installed.publicKey().getEncoded());
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(attacker.getPrivate());
        signature.update(text);
        appendEndorsement(new KeyEndorsement(
                installed.keyId(), installed.publicKey().getEncoded(), original.keyId(), signature.sign()));
        append("lot:a", 3);
        CheckpointSealer sealer = sealer(installed);
        assertThat(sealer.seal()).isPresent();

        assertThat(TrustedKeys.of(jdbc, installed)).containsOnlyKeys(original.keyId());
        assertThat(verifyOnline(installed, sealer).completenessFailure().code()).isEqualTo("CHECKPOINT_UNTRUSTED_KEY");
        assertThat(OfflineBundleVerifier.run(
                        new String[] {bundle(installed).toString(), "--public-key", pinnedByTheRegulator.toString()}))
                .isEqualTo(1);
    }

    @Test
    void theEndorsedTextIsTheDocumentedOne() {
        byte[] key = new byte[] {1, 2, 3};
        assertThat(new String(
                        KeyEndorsement.signedText("00112233aabbccdd", "ffeeddcc99887766", key),
                        StandardCharsets.US_ASCII))
                .isEqualTo("dose-ledger-key-endorsement/1\nendorser 00112233aabbccdd\nkey ffeeddcc99887766\n"
                        + "public-key AQID\n");
    }

    private VerificationReport verifyOnline(SigningKeys keys, CheckpointSealer sealer) {
        return LedgerVerification.verify(
                jdbc,
                keys,
                LedgerVerification.evidence(jdbc, keys, properties(null, null), sealer.lastSigned(), Instant.now()));
    }

    private Path bundle(SigningKeys keys) throws Exception {
        Path bundle = Files.createTempFile("bundle", ".zip");
        try (OutputStream out = Files.newOutputStream(bundle)) {
            new LedgerBundle(jdbc, keys).write(out, "test");
        }
        return bundle;
    }

    private CheckpointSealer sealer(SigningKeys keys) {
        return new CheckpointSealer(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(database)),
                keys,
                properties(null, null),
                Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    private static IntegrityProperties properties(String signingKey, Path previousSigningKeyFile) {
        return new IntegrityProperties(
                signingKey,
                null,
                null,
                true,
                Duration.ofMinutes(1),
                Duration.ZERO,
                "dose-ledger",
                null,
                Duration.ofMinutes(15),
                null,
                previousSigningKeyFile,
                null);
    }

    /** The event the service records for an endorsement, as Axon stores it. */
    private void appendEndorsement(KeyEndorsement endorsement) {
        String payload = "{\"keyId\":\"" + endorsement.keyId() + "\",\"publicKey\":\""
                + Base64.getEncoder().encodeToString(endorsement.publicKey()) + "\",\"endorserKeyId\":\""
                + endorsement.endorserKeyId() + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(endorsement.signature())
                + "\",\"occurredAt\":\"2026-11-20T15:30:00Z\"}";
        long sequence = jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = 'ledger-integrity'", Long.class);
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_revision, payload_type, time_stamp)
                values ('ledger-integrity', ?, 'LedgerIntegrity', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'),
                        '1', ?, '2026-11-20T15:30:00Z')
                """, sequence, "endorsement-" + endorsement.keyId(), payload, KeyEndorsement.EVENT_TYPE);
    }

    private void append(String stream, long sequence) {
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, ?, 'StockLot', ?, convert_to('{"credentialId":"key-1"}', 'UTF8'),
                        convert_to(?, 'UTF8'), '1', 'org.doseledger.core.stock.api.DoseDrawnEvent',
                        '2026-11-20T15:30:00Z')
                """, stream, sequence, stream + "-" + sequence, "{\"quantity\":" + (sequence + 1) + "}");
    }
}
